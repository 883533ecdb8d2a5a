/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "jihua.h"

#define POINTS_PER_MM (72.0 / 25.4)

static void
test_defaults (void)
{
  g_autoptr(JhPageProfile) profile = jh_page_profile_new ();
  g_autofree char *number = NULL;

  /* GB/T 9704-2012: A4, top 37 mm, left 28 mm, text block 156 × 225 mm. */
  g_assert_cmpfloat (jh_page_profile_get_page_width (profile), ==, 210);
  g_assert_cmpfloat (jh_page_profile_get_page_height (profile), ==, 297);
  g_assert_cmpfloat (jh_page_profile_get_margin_top (profile), ==, 37);
  g_assert_cmpfloat (jh_page_profile_get_margin_left (profile), ==, 28);
  g_assert_cmpfloat (jh_page_profile_get_text_width (profile), ==, 156);
  g_assert_cmpfloat (jh_page_profile_get_text_height (profile), ==, 225);
  g_assert_cmpfloat (jh_page_profile_get_margin_right (profile), ==, 26);
  g_assert_cmpfloat (jh_page_profile_get_margin_bottom (profile), ==, 35);

  /* 22 lines of 28 characters; the line pitch is about 28.9 pt. */
  g_assert_cmpuint (jh_page_profile_get_lines_per_page (profile), ==, 22);
  g_assert_cmpuint (jh_page_profile_get_chars_per_line (profile), ==, 28);
  g_assert_cmpfloat_with_epsilon (jh_page_profile_get_line_pitch (profile), 225 * POINTS_PER_MM / 22, 1e-9);
  g_assert_cmpfloat_with_epsilon (jh_page_profile_get_line_pitch (profile), 28.99, 0.01);
  g_assert_cmpfloat_with_epsilon (27 * jh_page_profile_get_char_pitch (profile) + 16, 156 * POINTS_PER_MM, 1e-9);
  g_assert_cmpfloat (jh_page_profile_get_letter_spacing (profile), <, 0);

  /* 3号 body, 2号 title, 4号 page numbers. */
  g_assert_cmpfloat (jh_page_profile_get_body_size (profile), ==, 16);
  g_assert_cmpfloat (jh_page_profile_get_title_size (profile), ==, 22);
  g_assert_cmpfloat (jh_page_profile_get_page_number_size (profile), ==, 14);
  g_assert_cmpfloat (jh_page_profile_get_size (profile, JH_TEXT_STYLE_HEADING_1), ==, 16);
  g_assert_cmpfloat (jh_page_profile_get_size (profile, JH_TEXT_STYLE_HEADING_4), ==, 16);

  /* 小标宋 title, 黑体 一、, 楷体 （一）, 仿宋 1. （1） and the body, 宋体
   * page numbers.
   */
  g_assert_cmpstr (jh_page_profile_get_font (profile, JH_TEXT_STYLE_TITLE), ==, "方正小标宋简体");
  g_assert_cmpstr (jh_page_profile_get_font (profile, JH_TEXT_STYLE_HEADING_1), ==, "黑体");
  g_assert_cmpstr (jh_page_profile_get_font (profile, JH_TEXT_STYLE_HEADING_2), ==, "楷体_GB2312");
  g_assert_cmpstr (jh_page_profile_get_font (profile, JH_TEXT_STYLE_HEADING_3), ==, "仿宋_GB2312");
  g_assert_cmpstr (jh_page_profile_get_font (profile, JH_TEXT_STYLE_HEADING_4), ==, "仿宋_GB2312");
  g_assert_cmpstr (jh_page_profile_get_font (profile, JH_TEXT_STYLE_BODY), ==, "仿宋_GB2312");
  g_assert_cmpstr (jh_page_profile_get_font (profile, JH_TEXT_STYLE_PAGE_NUMBER), ==, "宋体");
  g_assert_cmpstr (jh_page_profile_get_font (profile, JH_TEXT_STYLE_SIGNOFF), ==, "仿宋_GB2312");
  g_assert_cmpstr (jh_page_profile_get_font (profile, JH_TEXT_STYLE_ATTACHMENT_LABEL), ==, "黑体");

  /* "— 1 —", odd pages right and even pages left, one character in,
   * 7 mm below the text block.
   */
  g_assert_cmpint (jh_page_profile_get_page_number_style (profile), ==, JH_PAGE_NUMBER_STYLE_DASHES);
  g_assert_cmpint (jh_page_profile_get_page_number_position (profile), ==, JH_PAGE_NUMBER_POSITION_OUTSIDE);
  g_assert_cmpfloat (jh_page_profile_get_page_number_indent (profile), ==, 1);
  g_assert_cmpfloat (jh_page_profile_get_page_number_distance (profile), ==, 7);
  number = jh_page_profile_format_page_number (profile, 12);
  g_assert_cmpstr (number, ==, "— 12 —");

  g_assert_true (jh_page_profile_check (profile, NULL));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_properties (void)
{
  g_autoptr(JhPageProfile) profile = jh_page_profile_new ();
  g_autoptr(JhPageProfile) copy = NULL;
  guint notifies = 0;
  double top;

  g_signal_connect (profile, "notify", G_CALLBACK (count_notify_cb), &notifies);

  jh_page_profile_set_margin_top (profile, 35);
  jh_page_profile_set_margin_top (profile, 35);
  g_object_set (profile, "body-font", "方正仿宋_GBK ; '仿宋'", NULL);
  g_assert_cmpuint (notifies, ==, 2);
  g_object_get (profile, "margin-top", &top, NULL);
  g_assert_cmpfloat (top, ==, 35);
  g_assert_cmpstr (jh_page_profile_get_font (profile, JH_TEXT_STYLE_BODY), ==, "方正仿宋_GBK,仿宋");

  copy = jh_page_profile_copy (profile);
  g_assert_cmpfloat (jh_page_profile_get_margin_top (copy), ==, 35);
  g_assert_cmpstr (jh_page_profile_get_font (copy, JH_TEXT_STYLE_TABLE_TEXT), ==, "方正仿宋_GBK,仿宋");
}

static const char custom_profile[] =
  "# 本单位的公文格式\n"
  "[Profile]\n"
  "name=青桥街道\n"
  "\n"
  "[Page]\n"
  "top=35 mm\n"
  "left = 30\n"
  "text-width=150\n"
  "\n"
  "[Grid]\n"
  "lines=20\n"
  "characters=26\n"
  "\n"
  "[Fonts]\n"
  "body=方正仿宋_GBK, 仿宋_GB2312\n"
  "heading-2=黑体\n"
  "\n"
  "[Sizes]\n"
  "body=三号\n"
  "title=小二\n"
  "page-number=12pt\n"
  "\n"
  "[Page Numbers]\n"
  "style=plain\n"
  "position=center\n"
  "distance=5\n"
  "colour=red\n"
  "\n"
  "[Watermark]\n"
  "text=草稿\n";

static void
test_custom_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JhPageProfile) profile = NULL;
  g_autoptr(JhPageProfile) again = NULL;
  g_autofree char *data = NULL;
  g_autofree char *number = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(JhPageProfile) from_file = NULL;
  int fd;

  profile = jh_page_profile_new_from_data (custom_profile, -1, "office.jhprofile", &error);
  g_assert_no_error (error);

  g_assert_cmpstr (jh_page_profile_get_name (profile), ==, "青桥街道");
  g_assert_cmpfloat (jh_page_profile_get_margin_top (profile), ==, 35);
  g_assert_cmpfloat (jh_page_profile_get_margin_left (profile), ==, 30);
  g_assert_cmpfloat (jh_page_profile_get_text_width (profile), ==, 150);
  g_assert_cmpfloat (jh_page_profile_get_margin_right (profile), ==, 30);
  /* What the file does not set keeps the standard's value. */
  g_assert_cmpfloat (jh_page_profile_get_text_height (profile), ==, 225);
  g_assert_cmpuint (jh_page_profile_get_lines_per_page (profile), ==, 20);
  g_assert_cmpuint (jh_page_profile_get_chars_per_line (profile), ==, 26);
  g_assert_cmpstr (jh_page_profile_get_font (profile, JH_TEXT_STYLE_BODY), ==, "方正仿宋_GBK,仿宋_GB2312");
  g_assert_cmpstr (jh_page_profile_get_font (profile, JH_TEXT_STYLE_HEADING_2), ==, "黑体");
  g_assert_cmpstr (jh_page_profile_get_font (profile, JH_TEXT_STYLE_HEADING_1), ==, "黑体");
  g_assert_cmpfloat (jh_page_profile_get_body_size (profile), ==, 16);
  g_assert_cmpfloat (jh_page_profile_get_title_size (profile), ==, 18);
  g_assert_cmpfloat (jh_page_profile_get_page_number_size (profile), ==, 12);
  g_assert_cmpint (jh_page_profile_get_page_number_style (profile), ==, JH_PAGE_NUMBER_STYLE_PLAIN);
  g_assert_cmpint (jh_page_profile_get_page_number_position (profile), ==, JH_PAGE_NUMBER_POSITION_CENTER);
  g_assert_cmpfloat (jh_page_profile_get_page_number_distance (profile), ==, 5);
  number = jh_page_profile_format_page_number (profile, 3);
  g_assert_cmpstr (number, ==, "3");

  /* Written out and read back, the profile is the same. */
  data = jh_page_profile_to_data (profile, NULL);
  again = jh_page_profile_new_from_data (data, -1, "again", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *first = jh_page_profile_to_data (i == 0 ? profile : again, NULL);

      g_assert_cmpstr (first, ==, data);
    }

  /* From a file. */
  fd = g_file_open_tmp ("jihua-profile-XXXXXX" JH_PAGE_PROFILE_SUFFIX, &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, custom_profile, -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  from_file = jh_page_profile_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jh_page_profile_get_chars_per_line (from_file), ==, 26);
  g_unlink (path);
}

typedef struct
{
  const char         *data;
  JhPageProfileError  code;
  const char         *fragments[3];
} BadProfile;

static void
test_bad_files (void)
{
  static const BadProfile bad_profiles[] = {
    { "[Page]\nwidth=210\ntop=abc\n",
      JH_PAGE_PROFILE_ERROR_INVALID_VALUE, { "bad.jhprofile:3:", "[Page] top", "abc" } },
    { "[Page]\ntop=37pt\n",
      JH_PAGE_PROFILE_ERROR_INVALID_VALUE, { ":2:", "[Page] top", "37pt" } },
    { "[Page]\n\n# 下边\ntop=600\n",
      JH_PAGE_PROFILE_ERROR_OUT_OF_RANGE, { ":4:", "[Page] top", "600" } },
    { "[Page]\nleft=-3\n",
      JH_PAGE_PROFILE_ERROR_OUT_OF_RANGE, { ":2:", "[Page] left", NULL } },
    { "[Grid]\nlines=22.5\n",
      JH_PAGE_PROFILE_ERROR_INVALID_VALUE, { ":2:", "[Grid] lines", "22.5" } },
    { "[Grid]\ncharacters=0\n",
      JH_PAGE_PROFILE_ERROR_OUT_OF_RANGE, { ":2:", "[Grid] characters", NULL } },
    { "[Sizes]\nbody=大三\n",
      JH_PAGE_PROFILE_ERROR_INVALID_VALUE, { ":2:", "[Sizes] body", "大三" } },
    { "[Fonts]\nbody= , ;\n",
      JH_PAGE_PROFILE_ERROR_INVALID_VALUE, { ":2:", "[Fonts] body", NULL } },
    { "[Page Numbers]\nstyle=roman\n",
      JH_PAGE_PROFILE_ERROR_INVALID_VALUE, { ":2:", "roman", "dashes" } },
    /* Each value is in range, but the text block is wider than the page. */
    { "[Page]\nleft=40\n\ntext-width=180\n",
      JH_PAGE_PROFILE_ERROR_INCONSISTENT, { ":4:", "[Page] text-width", "210" } },
    { "[Grid]\ncharacters=40\n",
      JH_PAGE_PROFILE_ERROR_INCONSISTENT, { ":2:", "[Grid] characters", "40" } },
    { "[Grid]\nlines=40\n",
      JH_PAGE_PROFILE_ERROR_INCONSISTENT, { ":2:", "[Grid] lines", NULL } },
    { "[Page]\ntop=40\ntext-height=260\n",
      JH_PAGE_PROFILE_ERROR_INCONSISTENT, { ":3:", "[Page] text-height", NULL } },
    { "[Page Numbers]\ndistance=40\n",
      JH_PAGE_PROFILE_ERROR_INCONSISTENT, { ":2:", "[Page Numbers] distance", NULL } },
    { "[Page\ntop=37\n",
      JH_PAGE_PROFILE_ERROR_MALFORMED, { "bad.jhprofile", NULL, NULL } },
    { "top=37\n",
      JH_PAGE_PROFILE_ERROR_MALFORMED, { "bad.jhprofile", NULL, NULL } },
    { "[Page]\ntop=\xff\n",
      JH_PAGE_PROFILE_ERROR_MALFORMED, { "bad.jhprofile", "UTF-8", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad_profiles); i++)
    {
      const BadProfile *bad = &bad_profiles[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(JhPageProfile) profile = NULL;

      g_autofree char *escaped = g_strescape (bad->data, NULL);

      profile = jh_page_profile_new_from_data (bad->data, -1, "bad.jhprofile", &error);
      g_test_message ("%s → %s", escaped, error ? error->message : "(no error)");
      g_assert_null (profile);
      g_assert_error (error, JH_PAGE_PROFILE_ERROR, (int) bad->code);
      for (guint j = 0; j < G_N_ELEMENTS (bad->fragments) && bad->fragments[j] != NULL; j++)
        g_assert_nonnull (strstr (error->message, bad->fragments[j]));
    }
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/office.jhprofile");
  g_autoptr(JhPageProfile) profile = jh_page_profile_new_from_file (file, NULL, &error);

  g_assert_null (profile);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_last_value_wins (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JhPageProfile) profile = NULL;

  /* GKeyFile keeps the last value of a key set twice; the message
   * points at that line.
   */
  profile = jh_page_profile_new_from_data ("[Page]\ntop=37\n[Grid]\nlines=22\n[Page]\ntop=x\n",
                                           -1, "twice", &error);
  g_assert_null (profile);
  g_assert_error (error, JH_PAGE_PROFILE_ERROR, JH_PAGE_PROFILE_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "twice:6:"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jihua/page-profile/defaults", test_defaults);
  g_test_add_func ("/jihua/page-profile/properties", test_properties);
  g_test_add_func ("/jihua/page-profile/custom-file", test_custom_file);
  g_test_add_func ("/jihua/page-profile/bad-files", test_bad_files);
  g_test_add_func ("/jihua/page-profile/missing-file", test_missing_file);
  g_test_add_func ("/jihua/page-profile/last-value-wins", test_last_value_wins);

  return g_test_run ();
}
