/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <gsf/gsf.h>

#include "jihua.h"
#include "test-utils.h"

#define POINTS_PER_MM (72.0 / 25.4)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

/* The exports are checked with the tools users and printers use:
 * poppler's for the PDF, the ODF schema and LibreOffice for the ODT.
 * The files stay in the build directory (tests/export/) to be looked at.
 */

static char *
dup_output_path (const char *name)
{
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *dir = g_build_filename (builddir ? builddir : g_get_tmp_dir (), "export", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  return g_build_filename (dir, name, NULL);
}

static gboolean
skip_without (const char *program)
{
  g_autofree char *path = g_find_program_in_path (program);

  if (path != NULL)
    return FALSE;

  g_test_skip_printf ("%s is not installed (build-aux/jihua-dev installs it)", program);

  return TRUE;
}

/* Runs a tool and returns its exit status and standard output. */
static int
run_tool (const char * const  *argv,
          char               **out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *ignored = NULL;
  int wait_status;

  /* Standard output is always caught: the test's own is TAP. */
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                out != NULL ? out : &ignored, &err, &wait_status, &error);
  g_assert_no_error (error);
  if (err != NULL && *err != '\0')
    g_test_message ("%s: %s", argv[0], err);
  g_assert_true (WIFEXITED (wait_status));

  return WEXITSTATUS (wait_status);
}

/* Text without its whitespace: PDF text comes back in lines, and CJK
 * text may come back without the spaces a layout program put in.
 */
static char *
strip_whitespace (const char *text)
{
  GString *stripped = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0xFEFF)
        g_string_append_unichar (stripped, c);
    }

  return g_string_free (stripped, FALSE);
}

static void
collect_task_paragraphs (JhTask    *task,
                         GPtrArray *texts)
{
  GListModel *paragraphs = jh_task_get_paragraphs (task);
  GListModel *subtasks = jh_task_get_subtasks (task);

  g_ptr_array_add (texts, g_strdup (jh_task_get_lead (task)));
  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(JhParagraph) paragraph = g_list_model_get_item (paragraphs, i);

      g_ptr_array_add (texts, g_strdup (jh_paragraph_get_text (paragraph)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (subtasks); i++)
    {
      g_autoptr(JhTask) subtask = g_list_model_get_item (subtasks, i);

      collect_task_paragraphs (subtask, texts);
    }
}

/* Every text of the plan that is printed: titles, leads and paragraphs. */
static GPtrArray *
collect_paragraphs (JhPlan *plan)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  GListModel *sections = jh_plan_get_sections (plan);

  g_ptr_array_add (texts, g_strdup (jh_plan_get_title (plan)));
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JhSection) section = g_list_model_get_item (sections, i);
      GListModel *paragraphs = jh_section_get_paragraphs (section);
      GListModel *tasks = jh_section_get_tasks (section);

      g_ptr_array_add (texts, g_strdup (jh_section_get_title (section)));
      for (guint j = 0; j < g_list_model_get_n_items (paragraphs); j++)
        {
          g_autoptr(JhParagraph) paragraph = g_list_model_get_item (paragraphs, j);

          g_ptr_array_add (texts, g_strdup (jh_paragraph_get_text (paragraph)));
        }
      for (guint j = 0; j < g_list_model_get_n_items (tasks); j++)
        {
          g_autoptr(JhTask) task = g_list_model_get_item (tasks, j);

          collect_task_paragraphs (task, texts);
        }
    }
  g_ptr_array_add (texts, g_strdup (jh_plan_get_organization (plan)));
  g_ptr_array_add (texts, g_strdup ("2027年1月8日"));

  return texts;
}

static void
assert_has_every_paragraph (JhPlan     *plan,
                            const char *text)
{
  g_autoptr(GPtrArray) paragraphs = collect_paragraphs (plan);
  g_autofree char *haystack = strip_whitespace (text);

  g_assert_cmpuint (paragraphs->len, >, 40);
  for (guint i = 0; i < paragraphs->len; i++)
    {
      g_autofree char *needle = strip_whitespace (g_ptr_array_index (paragraphs, i));

      if (strstr (haystack, needle) == NULL)
        g_error ("The output lacks “%s”", needle);
    }
}

static char *
export_plan (JhPlan         *plan,
             JhExportFormat  format,
             JhLayoutFlags   flags,
             JhPageProfile  *profile,
             const char     *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JhLayout) layout = jh_layout_new (plan, profile, flags);
  char *path = dup_output_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 start = g_get_monotonic_time ();

  g_assert_true (jh_export (layout, format, file, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("Exported %s in %.0f ms", path, (g_get_monotonic_time () - start) / 1000.0);

  return path;
}

static char *
export_sample (JhExportFormat  format,
               JhLayoutFlags   flags,
               JhPageProfile  *profile,
               const char     *name)
{
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();

  return export_plan (plan, format, flags, profile, name);
}

static void
add_attachment (JhPlan     *plan,
                const char *title,
                const char *text)
{
  g_autoptr(JhSection) section = jh_section_new (JH_SECTION_KIND_ATTACHMENT, title);
  g_autoptr(JhParagraph) paragraph = jh_paragraph_new (text);

  jh_section_insert_paragraph (section, -1, paragraph);
  jh_plan_insert_section (plan, -1, section);
}

/* ODT. */

static char *
read_member (const char *path,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GsfInput) input = gsf_input_stdio_new (path, &error);
  g_autoptr(GsfInfile) zip = NULL;
  g_autoptr(GsfInput) member = NULL;
  gsize size;

  g_assert_no_error (error);
  zip = gsf_infile_zip_new (input, &error);
  g_assert_no_error (error);
  member = gsf_infile_child_by_name (zip, name);
  g_assert_nonnull (member);
  size = gsf_input_size (member);

  return g_strndup ((const char *) gsf_input_read (member, size, NULL), size);
}

static void
test_odt_valid (void)
{
  const char *root = g_getenv ("JIHUA_SOURCE_ROOT");
  g_autofree char *script = g_build_filename (root ? root : "..", "..", "shared", "odf-schema", "validate-odt.sh", NULL);
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autoptr(JhPageProfile) plain = jh_page_profile_new ();

  if (!g_file_test (script, G_FILE_TEST_EXISTS))
    {
      g_test_skip_printf ("The ODF validator %s is missing", script);
      return;
    }
  if (skip_without ("java") || skip_without ("unzip") || skip_without ("python3"))
    return;
  if (!g_file_test ("/usr/share/java/jing.jar", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("jing is not installed (build-aux/jihua-dev installs it)");
      return;
    }

  /* The plan as written, with the standard's page numbers. */
  path = export_sample (JH_EXPORT_FORMAT_ODT, JH_LAYOUT_FLAGS_NONE, NULL, "sample.odt");
  {
    const char * const argv[] = { "sh", script, path, NULL };

    g_assert_cmpint (run_tool (argv, &out), ==, 0);
  }

  /* A table, and a profile without page numbers. */
  g_clear_pointer (&path, g_free);
  jh_page_profile_set_page_number_style (plain, JH_PAGE_NUMBER_STYLE_NONE);
  path = export_sample (JH_EXPORT_FORMAT_ODT, JH_LAYOUT_SCHEDULE_AS_TABLE, plain, "sample-table.odt");
  {
    const char * const argv[] = { "sh", script, path, NULL };

    g_assert_cmpint (run_tool (argv, NULL), ==, 0);
  }

  /* Attachments (a list after the text, a page each), and page numbers
   * alone in the middle.
   */
  {
    g_autoptr(JhPlan) plan = jh_plan_new_sample ();

    add_attachment (plan, "委员小组分组名单", "第一委员小组：组长张明，成员王芳、李强、赵丽。");
    add_attachment (plan, "委员履职积分考核办法", "委员履职积分实行年度考核，满分100分。");
    jh_page_profile_set_page_number_style (plain, JH_PAGE_NUMBER_STYLE_PLAIN);
    jh_page_profile_set_page_number_position (plain, JH_PAGE_NUMBER_POSITION_CENTER);
    g_clear_pointer (&path, g_free);
    path = export_plan (plan, JH_EXPORT_FORMAT_ODT, JH_LAYOUT_FLAGS_NONE, plain, "sample-attachments.odt");
  }
  {
    const char * const argv[] = { "sh", script, path, NULL };

    g_assert_cmpint (run_tool (argv, NULL), ==, 0);
  }
}

static void
test_odt_styles (void)
{
  static const char * const style_names[] = {
    "标题", "一级标题", "二级标题", "三级标题", "四级标题", "正文", "落款", "页码", NULL,
  };
  static const char * const fonts[] = {
    "仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "宋体", NULL,
  };
  g_autofree char *path = export_sample (JH_EXPORT_FORMAT_ODT, JH_LAYOUT_FLAGS_NONE, NULL, "sample-styles.odt");
  g_autofree char *mimetype = read_member (path, "mimetype");
  g_autofree char *styles = read_member (path, "styles.xml");
  g_autofree char *content = read_member (path, "content.xml");
  g_autofree char *meta = read_member (path, "meta.xml");

  g_assert_cmpstr (mimetype, ==, "application/vnd.oasis.opendocument.text");

  for (guint i = 0; style_names[i] != NULL; i++)
    {
      g_autofree char *attribute = g_strdup_printf ("style:name=\"%s\"", style_names[i]);

      g_assert_nonnull (strstr (styles, attribute));
    }

  /* The standard's names, with the free fonts after them. */
  for (guint i = 0; fonts[i] != NULL; i++)
    {
      g_autofree char *face = g_strdup_printf ("<style:font-face style:name=\"%s\" svg:font-family=\"%s, ", fonts[i], fonts[i]);

      g_assert_nonnull (strstr (styles, face));
    }
  g_assert_nonnull (strstr (styles, "'Noto Serif CJK SC'"));
  g_assert_nonnull (strstr (styles, "'AR PL UKai CN'"));
  g_assert_nonnull (strstr (styles, "style:font-family-generic=\"swiss\""));

  /* A4, 37 mm at the top, 28 mm at the left, 26 mm at the right. */
  g_assert_nonnull (strstr (styles, "fo:page-width=\"210.000mm\" fo:page-height=\"297.000mm\""));
  g_assert_nonnull (strstr (styles, "fo:margin-top=\"37.000mm\""));
  g_assert_nonnull (strstr (styles, "fo:margin-left=\"28.000mm\" fo:margin-right=\"26.000mm\""));
  g_assert_nonnull (strstr (styles, "fo:line-height=\"28.950pt\""));

  /* Page numbers are fields, odd and even pages apart. */
  g_assert_nonnull (strstr (styles, "<style:footer><text:p"));
  g_assert_nonnull (strstr (styles, "<style:footer-left><text:p"));
  g_assert_nonnull (strstr (styles, "— <text:page-number text:select-page=\"current\">1</text:page-number> —"));

  /* Numbering is text; no list numbering. */
  g_assert_nonnull (strstr (content, ">（一）加强理论学习，提高履职能力。</text:h>"));
  g_assert_nonnull (strstr (content, "text:outline-level=\"2\""));
  g_assert_null (strstr (content, "<text:list"));

  g_assert_nonnull (strstr (meta, "<dc:title>青桥街道政协工委2027年工作计划</dc:title>"));
  g_assert_nonnull (strstr (meta, "<dc:creator>青桥街道政协工作委员会</dc:creator>"));
  g_assert_nonnull (strstr (meta, "<meta:creation-date>2027-01-08T00:00:00</meta:creation-date>"));
  g_assert_nonnull (strstr (meta, "<dc:date>"));
}

static void
test_odt_libreoffice (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *installation = NULL;
  g_autofree char *text_path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  gint64 start;

  if (skip_without ("soffice"))
    return;

  path = export_sample (JH_EXPORT_FORMAT_ODT, JH_LAYOUT_FLAGS_NONE, NULL, "sample-libreoffice.odt");
  dir = dup_output_path ("libreoffice");
  profile = dup_output_path ("libreoffice-profile");
  installation = g_filename_to_uri (profile, NULL, NULL);
  text_path = g_build_filename (dir, "sample-libreoffice.txt", NULL);
  g_unlink (text_path);

  {
    g_autofree char *option = g_strconcat ("-env:UserInstallation=", installation, NULL);
    const char * const argv[] = {
      "soffice", option, "--headless", "--convert-to", "txt:Text", "--outdir", dir, path, NULL,
    };

    start = g_get_monotonic_time ();
    g_assert_cmpint (run_tool (argv, NULL), ==, 0);
    g_test_message ("LibreOffice converted the ODT in %.1f s", (g_get_monotonic_time () - start) / 1e6);
  }

  /* LibreOffice exits with 0 whatever it made of the file: what counts
   * is the text it read.
   */
  g_assert_true (g_file_get_contents (text_path, &text, NULL, NULL));
  assert_has_every_paragraph (plan, text);
  g_assert_nonnull (strstr (text, "（一）加强理论学习，提高履职能力。"));
}

/* PDF. */

typedef struct
{
  guint   page;
  double  x_min;
  double  y_min;
  double  x_max;
  double  y_max;
  char   *text;
} Word;

static void
word_free (Word *word)
{
  g_free (word->text);
  g_free (word);
}

/* The words of pdftotext -bbox, with their pages. */
static GPtrArray *
read_words (const char *html)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *words = g_ptr_array_new_with_free_func ((GDestroyNotify) word_free);
  guint page = 0;

  regex = g_regex_new ("<page |<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>",
                       0, 0, NULL);
  g_regex_match (regex, html, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *all = g_match_info_fetch (match, 0);

      if (g_str_equal (all, "<page "))
        page++;
      else
        {
          Word *word = g_new0 (Word, 1);
          g_autofree char *x_min = g_match_info_fetch (match, 1);
          g_autofree char *y_min = g_match_info_fetch (match, 2);
          g_autofree char *x_max = g_match_info_fetch (match, 3);
          g_autofree char *y_max = g_match_info_fetch (match, 4);

          word->page = page;
          word->x_min = g_ascii_strtod (x_min, NULL);
          word->y_min = g_ascii_strtod (y_min, NULL);
          word->x_max = g_ascii_strtod (x_max, NULL);
          word->y_max = g_ascii_strtod (y_max, NULL);
          word->text = g_match_info_fetch (match, 5);
          g_ptr_array_add (words, word);
        }
      g_match_info_next (match, NULL);
    }

  return words;
}

/* Where the page number of @page is: the words on the line of its
 * number, below the text block.
 */
static gboolean
find_page_number (GPtrArray *words,
                  guint      page,
                  double     below,
                  double    *x_min,
                  double    *x_max,
                  char     **text)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  g_autoptr(GString) line = g_string_new (NULL);
  double y = -1;

  for (guint i = 0; i < words->len; i++)
    {
      Word *word = g_ptr_array_index (words, i);

      if (word->page == page && word->y_min > below && g_str_equal (word->text, number))
        y = word->y_min;
    }
  if (y < 0)
    return FALSE;

  *x_min = G_MAXDOUBLE;
  *x_max = 0;
  for (guint i = 0; i < words->len; i++)
    {
      Word *word = g_ptr_array_index (words, i);

      if (word->page != page || ABS (word->y_min - y) > 1)
        continue;
      *x_min = MIN (*x_min, word->x_min);
      *x_max = MAX (*x_max, word->x_max);
      g_string_append_printf (line, "%s%s", line->len > 0 ? " " : "", word->text);
    }
  *text = g_string_free (g_steal_pointer (&line), FALSE);

  return TRUE;
}

static void
test_pdf (void)
{
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  g_autoptr(JhLayout) layout = jh_layout_new (plan, NULL, JH_LAYOUT_FLAGS_NONE);
  g_autoptr(JhPageRenderer) renderer = jh_page_renderer_new (layout);
  JhPageProfile *profile = jh_layout_get_profile (layout);
  double left = jh_page_profile_get_margin_left (profile) * POINTS_PER_MM;
  double right = left + jh_page_profile_get_text_width (profile) * POINTS_PER_MM;
  double bottom = (jh_page_profile_get_margin_top (profile) + jh_page_profile_get_text_height (profile)) * POINTS_PER_MM;
  double one_character = jh_page_profile_get_page_number_size (profile);
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *text = NULL;
  g_autofree char *html = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *png_prefix = NULL;
  g_autoptr(GRegex) page_numbers = NULL;
  g_autoptr(GPtrArray) words = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *without_numbers = NULL;
  guint n_fonts = 0;
  int emb_start = -1, emb_end = -1;

  if (skip_without ("pdfinfo") || skip_without ("pdffonts") ||
      skip_without ("pdftotext") || skip_without ("pdftoppm"))
    return;

  path = export_sample (JH_EXPORT_FORMAT_PDF, JH_LAYOUT_FLAGS_NONE, NULL, "sample.pdf");
  g_test_message ("The sample plan is %u pages", jh_page_renderer_get_n_pages (renderer));

  /* A4, the plan's pages, its metadata. */
  {
    const char * const argv[] = { "pdfinfo", path, NULL };

    g_assert_cmpint (run_tool (argv, &info), ==, 0);
  }
  g_assert_nonnull (strstr (info, "Page size:       595.276 x 841.89 pts (A4)"));
  pages = g_strdup_printf ("Pages:           %u\n", jh_page_renderer_get_n_pages (renderer));
  g_assert_nonnull (strstr (info, pages));
  g_assert_nonnull (strstr (info, "Title:           青桥街道政协工委2027年工作计划"));
  g_assert_nonnull (strstr (info, "Author:          青桥街道政协工作委员会"));
  g_assert_nonnull (strstr (info, "Subject:         2027年工作计划"));

  /* Every font embedded: the "emb" column, found by the dashes under
   * the heading, is "yes" in every row.
   */
  {
    const char * const argv[] = { "pdffonts", path, NULL };

    g_assert_cmpint (run_tool (argv, &fonts), ==, 0);
  }
  lines = g_strsplit (fonts, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 3);
  {
    const char *emb = strstr (lines[0], "emb");
    guint column = 0;

    g_assert_nonnull (emb);
    for (int i = 0; lines[1][i] != '\0'; i++)
      if (lines[1][i] == '-' && (i == 0 || lines[1][i - 1] == ' '))
        {
          if (column++ == 3)
            emb_start = i;
        }
      else if (lines[1][i] == ' ' && i > 0 && lines[1][i - 1] == '-' && emb_start >= 0 && emb_end < 0)
        emb_end = i;
    g_assert_cmpint (emb_start, ==, emb - lines[0]);
  }
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_autofree char *column = NULL;

      if (*lines[i] == '\0')
        continue;
      column = g_strstrip (g_strndup (lines[i] + emb_start, emb_end - emb_start));
      g_test_message ("font: %s", lines[i]);
      g_assert_cmpstr (column, ==, "yes");
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >=, 3);

  /* The text comes back. */
  {
    const char * const argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };

    g_assert_cmpint (run_tool (argv, &text), ==, 0);
  }
  page_numbers = g_regex_new ("—\\s*[0-9]+\\s*—", 0, 0, NULL);
  without_numbers = g_regex_replace_literal (page_numbers, text, -1, 0, "", 0, NULL);
  assert_has_every_paragraph (plan, without_numbers);
  g_assert_nonnull (strstr (text, "（一）加强理论学习，提高履职能力。"));

  /* Page numbers: "— 1 —" at the right of page 1, one character in;
   * "— 2 —" at the left of page 2; 7 mm below the text block.
   */
  {
    const char * const argv[] = { "pdftotext", "-bbox", "-f", "1", "-l", "2", path, "-", NULL };

    g_assert_cmpint (run_tool (argv, &html), ==, 0);
  }
  words = read_words (html);
  for (guint page = 1; page <= 2; page++)
    {
      g_autofree char *number = NULL;
      g_autofree char *expected = g_strdup_printf ("— %u —", page);
      double x_min = 0, x_max = 0;

      g_assert_true (find_page_number (words, page, bottom, &x_min, &x_max, &number));
      g_test_message ("page %u: “%s” from %.2f to %.2f pt", page, number, x_min, x_max);
      g_assert_cmpstr (number, ==, expected);
      if (page % 2 == 1)
        g_assert_cmpfloat_with_epsilon (x_max, right - one_character, 0.5);
      else
        g_assert_cmpfloat_with_epsilon (x_min, left + one_character, 0.5);
    }

  /* Pages 1 and 2 as pictures, to look at. */
  png_prefix = dup_output_path ("sample-page");
  {
    const char * const argv[] = { "pdftoppm", "-r", "100", "-png", "-f", "1", "-l", "2", path, png_prefix, NULL };
    g_autofree char *png = NULL;

    g_assert_cmpint (run_tool (argv, NULL), ==, 0);
    png = g_strdup_printf ("%s-%s1.png", png_prefix, jh_page_renderer_get_n_pages (renderer) >= 10 ? "0" : "");
    g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
    g_test_message ("Page 1 is in %s", png);
  }
}

/* The timeline follows the document on landscape pages, and only when
 * asked for.
 */
static void
test_pdf_timeline (void)
{
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  g_autoptr(JhLayout) plain = jh_layout_new (plan, NULL, JH_LAYOUT_FLAGS_NONE);
  g_autoptr(JhLayout) layout = jh_layout_new (plan, NULL, JH_LAYOUT_INCLUDE_TIMELINE);
  g_autoptr(JhPageRenderer) plain_renderer = jh_page_renderer_new (plain);
  g_autoptr(JhPageRenderer) renderer = jh_page_renderer_new (layout);
  guint n_document_pages = jh_page_renderer_get_n_pages (plain_renderer);
  guint n_pages = jh_page_renderer_get_n_pages (renderer);
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last = NULL;
  g_autofree char *first = NULL;
  g_autofree char *expected = NULL;
  double width, height;

  g_assert_null (jh_layout_get_timeline (plain));
  g_assert_nonnull (jh_layout_get_timeline (layout));
  g_assert_cmpuint (n_pages, >, n_document_pages);

  g_assert_false (jh_page_renderer_get_page_size (renderer, 0, &width, &height));
  g_assert_cmpfloat (width, <, height);
  g_assert_true (jh_page_renderer_get_page_size (renderer, n_document_pages, &width, &height));
  g_assert_cmpfloat_with_epsilon (width, 841.89, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 595.28, 0.01);
  g_assert_cmpuint (jh_page_renderer_get_n_pages (renderer) - n_document_pages, ==,
                    jh_timeline_get_n_pages (jh_layout_get_timeline (layout)));

  if (skip_without ("pdfinfo") || skip_without ("pdftotext"))
    return;

  path = export_sample (JH_EXPORT_FORMAT_PDF, JH_LAYOUT_INCLUDE_TIMELINE, NULL, "sample-timeline.pdf");
  first = g_strdup_printf ("%u", n_document_pages + 1);
  last = g_strdup_printf ("%u", n_pages);
  {
    const char * const argv[] = { "pdfinfo", "-f", first, "-l", last, path, NULL };

    g_assert_cmpint (run_tool (argv, &info), ==, 0);
  }
  expected = g_strdup_printf ("Page %4u size:  841.89 x 595.28 pts", n_document_pages + 1);
  g_test_message ("%s", info);
  g_assert_nonnull (strstr (info, expected));
  {
    const char * const argv[] = { "pdftotext", "-enc", "UTF-8", "-f", first, "-l", last, path, "-", NULL };

    g_assert_cmpint (run_tool (argv, &text), ==, 0);
  }
  g_assert_nonnull (strstr (text, "青桥街道政协工委2027年工作计划进度安排"));
}

static void
test_pdf_table (void)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (skip_without ("pdftotext"))
    return;

  path = export_sample (JH_EXPORT_FORMAT_PDF, JH_LAYOUT_SCHEDULE_AS_TABLE, NULL, "sample-table.pdf");
  {
    const char * const argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };

    g_assert_cmpint (run_tool (argv, &text), ==, 0);
  }
  g_assert_nonnull (strstr (text, "序号"));
  g_assert_nonnull (strstr (text, "牵头单位"));
  g_assert_nonnull (strstr (text, "第二委员小组"));
}

/* Writing files. */

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **result_out = user_data;

  *result_out = g_object_ref (result);
}

static gboolean
export_async (JhLayout        *layout,
              JhExportFormat   format,
              GFile           *file,
              GCancellable    *cancellable,
              GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  jh_export_async (layout, format, file, cancellable, export_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return jh_export_finish (result, error);
}

static void
test_async (void)
{
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  g_autoptr(JhLayout) layout = jh_layout_new (plan, NULL, JH_LAYOUT_FLAGS_NONE);
  g_autofree char *pdf_path = dup_output_path ("async.pdf");
  g_autofree char *odt_path = dup_output_path ("async.odt");
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autoptr(GFile) odt = g_file_new_for_path (odt_path);
  g_autoptr(GFile) nowhere = g_file_new_for_path ("/nonexistent/plan.pdf");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  /* An existing file is replaced. */
  g_assert_true (g_file_set_contents (pdf_path, "old", -1, NULL));
  g_assert_true (export_async (layout, JH_EXPORT_FORMAT_PDF, pdf, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf_path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_clear_pointer (&contents, g_free);

  /* The plan may change while the file is written: the layout is a
   * snapshot.
   */
  jh_plan_set_title (plan, "改过的标题");
  g_assert_true (export_async (layout, JH_EXPORT_FORMAT_ODT, odt, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (odt_path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "PK\003\004"));
  /* The first member: its name and its stored content after a local
   * header of 30 bytes with no extra field.
   */
  g_assert_cmpuint (length, >, 30 + 47);
  g_assert_cmpint (memcmp (contents + 30, "mimetypeapplication/vnd.oasis.opendocument.text", 47), ==, 0);
  g_clear_pointer (&contents, g_free);

  /* A cancelled export leaves the file as it was. */
  g_assert_true (g_file_set_contents (pdf_path, "old", -1, NULL));
  g_cancellable_cancel (cancellable);
  g_assert_false (export_async (layout, JH_EXPORT_FORMAT_PDF, pdf, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (pdf_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");

  g_assert_false (export_async (layout, JH_EXPORT_FORMAT_PDF, nowhere, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_query_exists (nowhere, NULL));
}

static void
test_cli (void)
{
  g_autofree char *sample = test_dup_sample_path ();
  g_autofree char *pdf = dup_output_path ("cli.pdf");
  g_autofree char *odt = dup_output_path ("cli.odt");
  g_autofree char *profile = dup_output_path ("cli.jhprofile");
  g_autofree char *bad_profile = dup_output_path ("cli-bad.jhprofile");
  g_autofree char *contents = NULL;
  g_autofree char *err = NULL;
  gsize length;

  g_assert_true (g_file_set_contents (profile, "[Page Numbers]\nstyle=plain\nposition=center\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad_profile, "[Page]\ntop=37\nleft=abc\n", -1, NULL));

  {
    const char * const args[] = { "export", "--format", "pdf", "--profile", profile, "-o", pdf, sample, NULL };

    g_assert_cmpint (test_run_cli (args, NULL, NULL), ==, 0);
    g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));
    g_clear_pointer (&contents, g_free);
  }

  {
    const char * const args[] = { "export", "-f", "odt", "-o", odt, sample, NULL };

    g_assert_cmpint (test_run_cli (args, NULL, NULL), ==, 0);
    g_assert_true (g_file_get_contents (odt, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 30 + 47);
    g_assert_cmpint (memcmp (contents + 30, "mimetypeapplication/vnd.oasis.opendocument.text", 47), ==, 0);
  }

  /* A bad profile is refused, with the line and key at fault. */
  {
    const char * const args[] = { "export", "--format", "pdf", "--profile", bad_profile, "-o", pdf, sample, NULL };

    g_assert_cmpint (test_run_cli (args, NULL, &err), ==, 1);
    g_assert_nonnull (strstr (err, "cli-bad.jhprofile:3: [Page] left"));
    g_clear_pointer (&err, g_free);
  }

  /* The timeline has no page profile. */
  {
    const char * const args[] = { "export", "--format", "png", "--profile", profile, "-o", pdf, sample, NULL };

    g_assert_cmpint (test_run_cli (args, NULL, &err), ==, 2);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jihua/export/odt/valid", test_odt_valid);
  g_test_add_func ("/jihua/export/odt/styles", test_odt_styles);
  g_test_add_func ("/jihua/export/odt/libreoffice", test_odt_libreoffice);
  g_test_add_func ("/jihua/export/pdf/sample", test_pdf);
  g_test_add_func ("/jihua/export/pdf/table", test_pdf_table);
  g_test_add_func ("/jihua/export/pdf/timeline", test_pdf_timeline);
  g_test_add_func ("/jihua/export/async", test_async);
  g_test_add_func ("/jihua/export/cli", test_cli);

  return g_test_run ();
}
