/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jihua.h"

typedef struct
{
  guint       number;
  const char *numeral;
} NumeralCase;

static void
assert_numeral (guint       number,
                const char *expected)
{
  g_autofree char *numeral = jh_chinese_numeral (number);

  g_test_message ("%u → %s", number, numeral);
  g_assert_cmpstr (numeral, ==, expected);
}

static void
assert_numbering (guint       level,
                  guint       number,
                  const char *expected)
{
  g_autofree char *numbering = jh_numbering_format (level, number);

  g_test_message ("level %u, %u → %s", level, number, numbering);
  g_assert_cmpstr (numbering, ==, expected);
}

static void
test_numeral_small (void)
{
  static const NumeralCase cases[] = {
    { 0, "〇" },
    { 1, "一" },
    { 2, "二" },
    { 3, "三" },
    { 4, "四" },
    { 5, "五" },
    { 6, "六" },
    { 7, "七" },
    { 8, "八" },
    { 9, "九" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_numeral (cases[i].number, cases[i].numeral);
}

static void
test_numeral_tens (void)
{
  /* 十一, never 一十一, when a number below twenty stands alone. */
  static const NumeralCase cases[] = {
    { 10, "十" },
    { 11, "十一" },
    { 15, "十五" },
    { 19, "十九" },
    { 20, "二十" },
    { 21, "二十一" },
    { 30, "三十" },
    { 47, "四十七" },
    { 90, "九十" },
    { 99, "九十九" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_numeral (cases[i].number, cases[i].numeral);
}

static void
test_numeral_hundreds (void)
{
  /* After a hundred the ten is written out: 一百一十, not 一百十. */
  static const NumeralCase cases[] = {
    { 100, "一百" },
    { 110, "一百一十" },
    { 111, "一百一十一" },
    { 120, "一百二十" },
    { 200, "二百" },
    { 999, "九百九十九" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_numeral (cases[i].number, cases[i].numeral);
}

static void
test_numeral_zero_inside (void)
{
  /* An empty tens place is read as 零: 一百零一.  〇 is the digit zero of
   * numbers written digit by digit (二〇二七年), not of counted numbers.
   */
  static const NumeralCase cases[] = {
    { 101, "一百零一" },
    { 105, "一百零五" },
    { 305, "三百零五" },
    { 909, "九百零九" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_numeral (cases[i].number, cases[i].numeral);
}

static void
test_numeral_beyond (void)
{
  /* No plan counts to a thousand; the documented fallback is Arabic
   * numerals, which must at least still say the right number.
   */
  assert_numeral (1000, "1000");
  assert_numeral (2027, "2027");
  assert_numeral (G_MAXUINT, "4294967295");
}

static void
test_numbering_levels (void)
{
  /* GB/T 9704-2012: 一、 → （一） → 1. → （1）, with full-width brackets
   * and the ideographic comma at the first level.
   */
  assert_numbering (1, 1, "一、");
  assert_numbering (1, 2, "二、");
  assert_numbering (1, 10, "十、");
  assert_numbering (1, 12, "十二、");

  assert_numbering (2, 1, "（一）");
  assert_numbering (2, 3, "（三）");
  assert_numbering (2, 11, "（十一）");
  assert_numbering (2, 20, "（二十）");

  assert_numbering (3, 1, "1.");
  assert_numbering (3, 9, "9.");
  assert_numbering (3, 10, "10.");
  assert_numbering (3, 123, "123.");

  assert_numbering (4, 1, "（1）");
  assert_numbering (4, 10, "（10）");
  assert_numbering (4, 42, "（42）");
}

static void
test_numbering_fifth_level (void)
{
  assert_numbering (5, 1, "①");
  assert_numbering (5, 2, "②");
  assert_numbering (5, 10, "⑩");
  assert_numbering (5, 20, "⑳");

  /* Levels the standard does not have all look like the fifth. */
  assert_numbering (6, 3, "③");
  assert_numbering (9, 3, "③");
}

static void
test_numbering_beyond (void)
{
  /* Circled digits stop at ⑳ in the fonts offices have; a larger number
   * must still be printed as itself, not as some other glyph.
   */
  for (guint number = 21; number <= 60; number++)
    {
      g_autofree char *numbering = jh_numbering_format (5, number);
      g_autofree char *digits = g_strdup_printf ("%u", number);

      g_assert_nonnull (numbering);
      g_assert_true (g_utf8_validate (numbering, -1, NULL));
      g_assert_nonnull (strstr (numbering, digits));
    }

  /* The first two levels keep Chinese numerals far beyond ten. */
  assert_numbering (1, 111, "一百一十一、");
  assert_numbering (2, 110, "（一百一十）");
  assert_numbering (3, 1000, "1000.");
}

static void
test_numbering_all_distinct (void)
{
  /* A reader tells the levels apart by their shape alone: the same
   * number must never look the same at two levels.
   */
  for (guint number = 1; number <= 30; number++)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint level = 1; level <= 5; level++)
        {
          char *numbering = jh_numbering_format (level, number);

          g_assert_false (g_hash_table_contains (seen, numbering));
          g_hash_table_add (seen, numbering);
        }
    }
}

static void
test_numbering_invalid (void)
{
  char *numbering;

  /* Levels and numbers count from 1; 0 is a programming error. */
  g_test_expect_message ("Jihua", G_LOG_LEVEL_CRITICAL, "*level >= 1*");
  numbering = jh_numbering_format (0, 1);
  g_test_assert_expected_messages ();
  g_assert_null (numbering);

  g_test_expect_message ("Jihua", G_LOG_LEVEL_CRITICAL, "*number >= 1*");
  numbering = jh_numbering_format (1, 0);
  g_test_assert_expected_messages ();
  g_assert_null (numbering);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Report every wrong numeral, not only the first. */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/jihua/numbering/numeral/small", test_numeral_small);
  g_test_add_func ("/jihua/numbering/numeral/tens", test_numeral_tens);
  g_test_add_func ("/jihua/numbering/numeral/hundreds", test_numeral_hundreds);
  g_test_add_func ("/jihua/numbering/numeral/zero-inside", test_numeral_zero_inside);
  g_test_add_func ("/jihua/numbering/numeral/beyond", test_numeral_beyond);
  g_test_add_func ("/jihua/numbering/format/levels", test_numbering_levels);
  g_test_add_func ("/jihua/numbering/format/fifth-level", test_numbering_fifth_level);
  g_test_add_func ("/jihua/numbering/format/beyond", test_numbering_beyond);
  g_test_add_func ("/jihua/numbering/format/distinct", test_numbering_all_distinct);
  g_test_add_func ("/jihua/numbering/format/invalid", test_numbering_invalid);

  return g_test_run ();
}
