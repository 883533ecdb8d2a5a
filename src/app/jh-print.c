/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include "jh-print.h"
#include "jh-print-preview.h"

/* Printing draws the very pages of the PDF export: the same
 * #JhPageRenderer, on the full page, in points.  The renderer lays the
 * text out with its own font map, so the pages break in the same places
 * on paper as in the PDF.
 */

/* Paper is named as printers know it when it is A4; a profile may ask
 * for another size.  Sizes are portrait, the orientation turns them.
 */
static GtkPaperSize *
new_paper_size (double width,
                double height)
{
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  if (ABS (gtk_paper_size_get_width (a4, GTK_UNIT_POINTS) - width) < 1 &&
      ABS (gtk_paper_size_get_height (a4, GTK_UNIT_POINTS) - height) < 1)
    return g_steal_pointer (&a4);

  return gtk_paper_size_new_custom ("jihua-custom", "Custom", width, height, GTK_UNIT_POINTS);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                JhPageRenderer    *renderer)
{
  gtk_print_operation_set_n_pages (operation, jh_page_renderer_get_n_pages (renderer));
}

/* The timeline's pages are landscape; the document's are the profile's
 * paper, whatever page setup the user left in the dialog.
 */
static void
request_page_setup_cb (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       int                page_nr,
                       GtkPageSetup      *setup,
                       JhPageRenderer    *renderer)
{
  double width, height;
  gboolean landscape;
  g_autoptr(GtkPaperSize) paper = NULL;

  landscape = jh_page_renderer_get_page_size (renderer, page_nr, &width, &height);
  paper = landscape ? new_paper_size (height, width) : new_paper_size (width, height);

  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_orientation (setup, landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                   : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              JhPageRenderer    *renderer)
{
  jh_page_renderer_draw_page (renderer, gtk_print_context_get_cairo_context (context), page_nr);
}

/* The print dialog's Preview shows the pages in the application, drawn
 * as they print, rather than in another program that may not be
 * installed on an office's computer.
 */
static gboolean
preview_cb (GtkPrintOperation        *operation,
            GtkPrintOperationPreview *preview,
            GtkPrintContext          *context,
            GtkWindow                *parent,
            JhPageRenderer           *renderer)
{
  JhPrintPreview *window = jh_print_preview_new (parent, jh_page_renderer_get_layout (renderer));

  gtk_window_set_modal (GTK_WINDOW (window), parent != NULL);
  gtk_window_present (GTK_WINDOW (window));
  gtk_print_operation_preview_end_preview (preview);

  return TRUE;
}

/**
 * jh_print_operation_new:
 * @layout: the document to print
 *
 * Makes a print operation that prints @layout page for page as the PDF
 * export sets it, with a preview.  Run it with gtk_print_operation_run().
 *
 * Returns: (transfer full): the operation
 */
GtkPrintOperation *
jh_print_operation_new (JhLayout *layout)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  JhPageRenderer *renderer;
  double width, height;

  g_return_val_if_fail (JH_IS_LAYOUT (layout), NULL);

  renderer = jh_page_renderer_new (layout);
  jh_page_renderer_get_page_size (renderer, 0, &width, &height);
  paper = new_paper_size (width, height);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, jh_layout_get_title (layout));
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, FALSE);

  g_object_set_data_full (G_OBJECT (operation), "jh-page-renderer", renderer, g_object_unref);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (begin_print_cb), renderer, 0);
  g_signal_connect_object (operation, "request-page-setup", G_CALLBACK (request_page_setup_cb), renderer, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page_cb), renderer, 0);
  g_signal_connect_object (operation, "preview", G_CALLBACK (preview_cb), renderer, 0);

  return g_steal_pointer (&operation);
}
