/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jh-layout.h"

G_BEGIN_DECLS

/**
 * JhExportFormat:
 * @JH_EXPORT_FORMAT_ODT: an OpenDocument text (ODF 1.3), for Writer and
 *   WPS
 * @JH_EXPORT_FORMAT_PDF: a PDF with its fonts embedded, to print and
 *   file
 */
typedef enum
{
  JH_EXPORT_FORMAT_ODT,
  JH_EXPORT_FORMAT_PDF,
} JhExportFormat;

#define JH_ODT_MIME_TYPE "application/vnd.oasis.opendocument.text"
#define JH_PDF_MIME_TYPE "application/pdf"

GBytes   *jh_export_to_bytes (JhLayout             *layout,
                              JhExportFormat        format,
                              GCancellable         *cancellable,
                              GError              **error);
gboolean  jh_export          (JhLayout             *layout,
                              JhExportFormat        format,
                              GFile                *file,
                              GCancellable         *cancellable,
                              GError              **error);
void      jh_export_async    (JhLayout             *layout,
                              JhExportFormat        format,
                              GFile                *file,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data);
gboolean  jh_export_finish   (GAsyncResult         *result,
                              GError              **error);

GBytes   *jh_export_odt_to_bytes (JhLayout        *layout,
                                  GCancellable    *cancellable,
                                  GError         **error);
GBytes   *jh_export_pdf_to_bytes (JhLayout        *layout,
                                  GCancellable    *cancellable,
                                  GError         **error);

G_END_DECLS
