/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include "jh-numbering.h"

static const char * const digits[] = {
  "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九",
};

/**
 * jh_chinese_numeral:
 * @number: a number
 *
 * Writes @number in Chinese numerals as headings and enumerations use
 * them: 一, 十, 十一, 二十, 二十三, 一百零五.  Numbers of a thousand and
 * more are written in Arabic numerals, as no plan counts that far.
 *
 * Returns: (transfer full): the numeral
 */
char *
jh_chinese_numeral (guint number)
{
  GString *numeral;
  guint hundreds = number / 100;
  guint tens = (number / 10) % 10;
  guint ones = number % 10;

  if (number == 0)
    return g_strdup (digits[0]);

  if (number >= 1000)
    return g_strdup_printf ("%u", number);

  numeral = g_string_new (NULL);

  if (hundreds > 0)
    {
      g_string_append (numeral, digits[hundreds]);
      g_string_append (numeral, "百");
    }

  if (tens > 0)
    {
      /* 十一, not 一十一, but 一百一十一. */
      if (tens > 1 || hundreds > 0)
        g_string_append (numeral, digits[tens]);
      g_string_append (numeral, "十");
    }
  else if (hundreds > 0 && ones > 0)
    {
      /* A missing tens place inside a number is read 零: 一百零五. */
      g_string_append (numeral, "零");
    }

  if (ones > 0)
    g_string_append (numeral, digits[ones]);

  return g_string_free (numeral, FALSE);
}

/**
 * jh_numbering_format:
 * @level: the heading level, from 1
 * @number: the heading's number at its level, from 1
 *
 * Formats a heading number as GB/T 9704-2012 orders them: 一、 at the
 * first level, （一） at the second, 1. at the third and （1） at the
 * fourth.  Deeper levels, which the standard does not have, use ① ② ③.
 *
 * Returns: (transfer full): the printed number
 */
char *
jh_numbering_format (guint level,
                     guint number)
{
  g_autofree char *numeral = NULL;

  g_return_val_if_fail (level >= 1, NULL);
  g_return_val_if_fail (number >= 1, NULL);

  switch (level)
    {
    case 1:
      numeral = jh_chinese_numeral (number);
      return g_strdup_printf ("%s、", numeral);

    case 2:
      numeral = jh_chinese_numeral (number);
      return g_strdup_printf ("（%s）", numeral);

    case 3:
      return g_strdup_printf ("%u.", number);

    case 4:
      return g_strdup_printf ("（%u）", number);

    default:
      if (number <= 20)
        {
          char circled[8];
          int len = g_unichar_to_utf8 (0x2460 + number - 1, circled);

          return g_strndup (circled, len);
        }
      return g_strdup_printf ("(%u)", number);
    }
}
