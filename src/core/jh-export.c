/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "jh-export.h"
#include "jh-page-renderer.h"
#include "jh-xml-private.h"

/* Exports: a layout (made on the thread that owns the plan) is written
 * as an ODT or a PDF, and the file replaced atomically, so that an
 * export that fails or is cancelled leaves the old file as it was.
 */

static cairo_status_t
write_to_byte_array_cb (void                *closure,
                        const unsigned char *data,
                        unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/**
 * jh_export_pdf_to_bytes:
 * @layout: a #JhLayout
 * @cancellable: (nullable): a #GCancellable, checked between pages
 * @error: return location for a #GError
 *
 * Sets @layout on pages and writes them as a PDF, with the fonts it
 * uses embedded and the document's title, author (the organization) and
 * subject in its metadata.  With %JH_LAYOUT_INCLUDE_TIMELINE, the
 * timeline follows on landscape pages.
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set
 */
GBytes *
jh_export_pdf_to_bytes (JhLayout      *layout,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(JhPageRenderer) renderer = NULL;
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autofree char *creator = g_strdup_printf ("Jihua %s", PACKAGE_VERSION);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (JH_IS_LAYOUT (layout), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!jh_page_profile_check (jh_layout_get_profile (layout), error))
    return NULL;

  renderer = jh_page_renderer_new (layout);
  n_pages = jh_page_renderer_get_n_pages (renderer);

  surface = cairo_pdf_surface_create_for_stream (write_to_byte_array_cb, pdf,
                                                 jh_page_renderer_get_page_width (renderer),
                                                 jh_page_renderer_get_page_height (renderer));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, jh_layout_get_title (layout));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, jh_layout_get_author (layout));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, jh_layout_get_subject (layout));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);

  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      double width, height;

      if (g_cancellable_is_cancelled (cancellable))
        break;

      jh_page_renderer_get_page_size (renderer, page, &width, &height);
      cairo_pdf_surface_set_size (surface, width, height);
      jh_page_renderer_draw_page (renderer, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The PDF could not be written: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&pdf));
}

/**
 * jh_export_to_bytes:
 * @layout: a #JhLayout
 * @format: the format to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes @layout as an ODT or a PDF.  It only reads @layout, so it may
 * run in any thread.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
GBytes *
jh_export_to_bytes (JhLayout        *layout,
                    JhExportFormat   format,
                    GCancellable    *cancellable,
                    GError         **error)
{
  g_return_val_if_fail (JH_IS_LAYOUT (layout), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (format)
    {
    case JH_EXPORT_FORMAT_ODT:
      return jh_export_odt_to_bytes (layout, cancellable, error);
    case JH_EXPORT_FORMAT_PDF:
      return jh_export_pdf_to_bytes (layout, cancellable, error);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * jh_export:
 * @layout: a #JhLayout
 * @format: the format to write
 * @file: where to write it
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes @layout to @file as an ODT or a PDF.  The file is replaced
 * atomically: if the export fails, @file is left as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
jh_export (JhLayout        *layout,
           JhExportFormat   format,
           GFile           *file,
           GCancellable    *cancellable,
           GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (JH_IS_LAYOUT (layout), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = jh_export_to_bytes (layout, format, cancellable, error);
  if (bytes == NULL)
    return FALSE;

  return _jh_file_replace_bytes (file, bytes, FALSE, G_FILE_CREATE_NONE, cancellable, error);
}

typedef struct
{
  JhLayout       *layout;
  JhExportFormat  format;
  GFile          *file;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->layout);
  g_clear_object (&data->file);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;

  if (jh_export (data->layout, data->format, data->file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * jh_export_async:
 * @layout: a #JhLayout
 * @format: the format to write
 * @file: where to write it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: data for @callback
 *
 * Exports @layout as jh_export() does, in a thread.  Make the layout on
 * the thread that owns the plan; the thread only reads the layout, so
 * the plan may go on changing meanwhile.
 */
void
jh_export_async (JhLayout            *layout,
                 JhExportFormat       format,
                 GFile               *file,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (JH_IS_LAYOUT (layout));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ExportData, 1);
  data->layout = g_object_ref (layout);
  data->format = format;
  data->file = g_object_ref (file);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, jh_export_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
jh_export_finish (GAsyncResult  *result,
                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
