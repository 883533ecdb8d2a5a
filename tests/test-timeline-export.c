/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>

#include "jihua.h"
#include "test-utils.h"

/* Labels short enough never to be shortened with an ellipsis. */
#define SHORT_LABEL_1 "加强自身建设，提升工作水平"
#define SHORT_LABEL_2 "提高提案质量，增强建言实效"

typedef struct
{
  char       *dir;
  JhPlan     *plan;
  JhSchedule *schedule;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("jihua-timeline-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->plan = jh_plan_new_sample ();
  fixture->schedule = jh_schedule_new (fixture->plan);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);

  g_clear_pointer (&fixture->dir, g_free);
  g_clear_object (&fixture->schedule);
  g_clear_object (&fixture->plan);
}

static GFile *
export (Fixture          *fixture,
        JhTimelineFormat  format,
        const char       *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (jh_timeline_export (fixture->schedule, format, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (file, NULL));

  return g_steal_pointer (&file);
}

static void
test_png (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GFile) file = export (fixture, JH_TIMELINE_FORMAT_PNG, "timeline.png");
  cairo_surface_t *surface = cairo_image_surface_create_from_png (g_file_peek_path (file));
  int width, height, stride;
  guint n_white = 0, n_blue = 0, n_dark = 0;
  const guint8 *pixels;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);

  /* 1600 wide, as high as the rows need. */
  jh_timeline_get_image_size (fixture->schedule, &width, &height);
  g_assert_cmpint (width, ==, JH_TIMELINE_IMAGE_WIDTH);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, height);
  g_assert_cmpint (height, >, 28 * (int) jh_schedule_get_tasks (fixture->schedule)->len);
  g_assert_cmpint (height, <, 2000);

  /* Not blank: text, and the bars in the accent blue. */
  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = *(const guint32 *) (pixels + y * stride + x * 4);
        guint r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

        if (r > 250 && g > 250 && b > 250)
          n_white++;
        else if (b > 200 && r < 80 && g > 110 && g < 150)
          n_blue++;
        else if (r < 80 && g < 80 && b < 80)
          n_dark++;
      }
  g_assert_cmpuint (n_blue, >, 5000);
  g_assert_cmpuint (n_dark, >, 2000);
  g_assert_cmpuint (n_white, >, (guint) (width * height / 5));

  cairo_surface_destroy (surface);
}

static gboolean
svg_has_text (xmlDoc     *document,
              const char *text)
{
  xmlXPathContext *context = xmlXPathNewContext (document);
  xmlXPathObject *result;
  gboolean found = FALSE;

  xmlXPathRegisterNs (context, (const xmlChar *) "svg", (const xmlChar *) "http://www.w3.org/2000/svg");
  result = xmlXPathEvalExpression ((const xmlChar *) "//svg:text", context);
  g_assert_nonnull (result);

  for (int i = 0; result->nodesetval != NULL && i < result->nodesetval->nodeNr && !found; i++)
    {
      xmlChar *content = xmlNodeGetContent (result->nodesetval->nodeTab[i]);

      found = strstr ((const char *) content, text) != NULL;
      xmlFree (content);
    }

  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);

  return found;
}

static void
test_svg (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GFile) file = export (fixture, JH_TIMELINE_FORMAT_SVG, "timeline.svg");
  g_autofree char *contents = test_read_text (g_file_peek_path (file));
  xmlDoc *document;

  document = xmlReadMemory (contents, strlen (contents), "timeline.svg", "UTF-8", XML_PARSE_NONET);
  g_assert_nonnull (document);
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (document)->name, ==, "svg");

  /* The labels are text, not only outlines of glyphs. */
  g_assert_true (svg_has_text (document, "青桥街道政协工委2027年工作计划"));
  g_assert_true (svg_has_text (document, SHORT_LABEL_1));
  g_assert_true (svg_has_text (document, SHORT_LABEL_2));
  g_assert_true (svg_has_text (document, "第一季度"));
  g_assert_true (svg_has_text (document, "10月底以前"));
  g_assert_true (svg_has_text (document, "五、保障措施"));
  g_assert_false (svg_has_text (document, "指导思想"));

  xmlFreeDoc (document);
}

static char *
run_pdftotext (GFile *file)
{
  const char *argv[] = { "pdftotext", "-layout", g_file_peek_path (file), "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));

  return out;
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GFile) file = export (fixture, JH_TIMELINE_FORMAT_PDF, "timeline.pdf");
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  gsize length;

  g_assert_true (g_file_get_contents (g_file_peek_path (file), &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  /* The fonts carry their text: the labels come back out. */
  text = run_pdftotext (file);
  g_assert_nonnull (strstr (text, "青桥街道政协工委2027年工作计划"));
  g_assert_nonnull (strstr (text, SHORT_LABEL_1));
  g_assert_nonnull (strstr (text, SHORT_LABEL_2));
  g_assert_nonnull (strstr (text, "第四季度"));
  g_assert_nonnull (strstr (text, "12月"));

  /* Part of the document: Chinese, though the test runs in C. */
  g_assert_nonnull (strstr (text, "工作任务"));
  g_assert_nonnull (strstr (text, "每月活动数"));
  g_assert_null (strstr (text, "Activities"));
}

/* Five hundred tasks do not fit a page: each page has its header. */
static void
test_pdf_pages (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JhPlan) plan = jh_plan_new (2027);
  g_autoptr(JhSection) section = jh_section_new (JH_SECTION_KIND_MAIN_TASKS, NULL);
  g_autoptr(JhSchedule) schedule = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  static const char page[] = "/Type /Page ";
  const char *pdf;
  gsize size;
  guint n_pages = 0;

  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *lead = g_strdup_printf ("任务%u", i);
      g_autoptr(JhTask) task = jh_task_new (lead);

      jh_task_set_timing (task, i % 3 ? "5月中旬" : "每季度");
      jh_section_insert_task (section, -1, task);
    }
  jh_plan_insert_section (plan, -1, section);
  jh_plan_set_title (plan, "五百项任务");
  schedule = jh_schedule_new (plan);

  bytes = jh_timeline_export_to_bytes (schedule, JH_TIMELINE_FORMAT_PDF, &error);
  g_assert_no_error (error);
  pdf = g_bytes_get_data (bytes, &size);

  /* Pages of some 25 rows: about twenty of them. */
  for (gsize i = 0; i + sizeof page - 1 <= size; i++)
    if (memcmp (pdf + i, page, sizeof page - 1) == 0)
      n_pages++;
  g_assert_cmpuint (n_pages, >=, 15);
  g_assert_cmpuint (n_pages, <=, 30);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;

  if (!jh_timeline_export_finish (result, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "async.svg", NULL);
  g_autofree char *bad_path = g_build_filename (fixture->dir, "no-such-folder", "x.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  GError *error = NULL;

  /* Success is told apart by a marker error of the test's own. */
  jh_timeline_export_async (fixture->schedule, JH_TIMELINE_FORMAT_SVG, file, NULL, export_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (g_file_query_exists (file, NULL));

  jh_timeline_export_async (fixture->schedule, JH_TIMELINE_FORMAT_PDF, bad_file, NULL, export_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
}

static void
test_render_page (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(JhTimelineLayout) layout = jh_timeline_layout_new (fixture->schedule, JH_TIMELINE_ZOOM_QUARTER, 2, 600, 20);
  guint n_rows = jh_timeline_layout_get_n_rows (layout);
  double height = jh_timeline_render_get_height (layout, 10, 5);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, (int) height);
  cairo_t *cr = cairo_create (surface);

  /* Any cairo_t takes any stretch of rows. */
  g_assert_cmpfloat (height, >, 5 * 20);
  jh_timeline_render (layout, cr, 200, 10, n_rows - 5, 5);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *sample = test_dup_sample_path ();
  g_autofree char *png = g_build_filename (fixture->dir, "cli.png", NULL);
  g_autofree char *svg = g_build_filename (fixture->dir, "cli.svg", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "cli.pdf", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.jhplan", NULL);
  g_autofree char *err = NULL;
  g_autofree char *pdf_head = NULL;

  {
    const char *args[] = { "export", "--format", "png", "-o", png, sample, NULL };

    g_assert_cmpint (test_run_cli (args, NULL, NULL), ==, 0);
    g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  }
  {
    const char *args[] = { "export", "--format=svg", "--output", svg, sample, NULL };

    g_assert_cmpint (test_run_cli (args, NULL, NULL), ==, 0);
    g_assert_true (g_file_test (svg, G_FILE_TEST_IS_REGULAR));
  }
  {
    const char *args[] = { "export", "-f", "timeline-pdf", "-o", pdf, sample, NULL };

    g_assert_cmpint (test_run_cli (args, NULL, NULL), ==, 0);
    pdf_head = test_read_text (pdf);
    g_assert_true (g_str_has_prefix (pdf_head, "%PDF-"));
  }

  /* Usage errors: an unknown format, no output, no file, two files. */
  {
    const char *args[] = { "export", "--format", "docx", "-o", png, sample, NULL };

    g_assert_cmpint (test_run_cli (args, NULL, &err), ==, 2);
    g_assert_nonnull (strstr (err, "docx"));
    g_assert_nonnull (strstr (err, "timeline-pdf"));
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "export", "--format", "png", sample, NULL };

    g_assert_cmpint (test_run_cli (args, NULL, NULL), ==, 2);
  }
  {
    const char *args[] = { "export", "--format", "png", "-o", png, NULL };

    g_assert_cmpint (test_run_cli (args, NULL, NULL), ==, 2);
  }
  {
    const char *args[] = { "export", "--format", "png", "-o", png, sample, sample, NULL };

    g_assert_cmpint (test_run_cli (args, NULL, NULL), ==, 2);
  }
  {
    const char *args[] = { "export", "-o", png, sample, NULL };

    g_assert_cmpint (test_run_cli (args, NULL, NULL), ==, 2);
  }

  /* A plan that cannot be read is a failure, said as such. */
  {
    const char *args[] = { "export", "--format", "png", "-o", png, missing, NULL };

    g_assert_cmpint (test_run_cli (args, NULL, &err), ==, 1);
    g_assert_nonnull (strstr (err, "missing.jhplan"));
    g_clear_pointer (&err, g_free);
  }

  {
    const char *args[] = { "--help", NULL };
    g_autofree char *out = NULL;

    g_assert_cmpint (test_run_cli (args, &out, NULL), ==, 0);
    g_assert_nonnull (strstr (out, "export"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/jihua/timeline-export/png", Fixture, NULL, fixture_set_up, test_png, fixture_tear_down);
  g_test_add ("/jihua/timeline-export/svg", Fixture, NULL, fixture_set_up, test_svg, fixture_tear_down);
  g_test_add ("/jihua/timeline-export/pdf", Fixture, NULL, fixture_set_up, test_pdf, fixture_tear_down);
  g_test_add ("/jihua/timeline-export/pdf-pages", Fixture, NULL, fixture_set_up, test_pdf_pages, fixture_tear_down);
  g_test_add ("/jihua/timeline-export/async", Fixture, NULL, fixture_set_up, test_async, fixture_tear_down);
  g_test_add ("/jihua/timeline-export/render-page", Fixture, NULL, fixture_set_up, test_render_page, fixture_tear_down);
  g_test_add ("/jihua/timeline-export/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);

  return g_test_run ();
}
