/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jh-import-document.h"

G_BEGIN_DECLS

/**
 * JhImportFormat:
 * @JH_IMPORT_FORMAT_TEXT: plain text, in any encoding Chinese text comes in
 * @JH_IMPORT_FORMAT_ODT: an OpenDocument text (LibreOffice, WPS)
 * @JH_IMPORT_FORMAT_DOCX: an Office Open XML document (Word, WPS)
 *
 * What a source file is.  The nicks ("text", "odt", "docx") are the names
 * used in reports.
 */
typedef enum
{
  JH_IMPORT_FORMAT_TEXT,
  JH_IMPORT_FORMAT_ODT,
  JH_IMPORT_FORMAT_DOCX,
} JhImportFormat;

const char *jh_import_format_to_nick (JhImportFormat format);

#define JH_TYPE_IMPORT_RESULT (jh_import_result_get_type ())

G_DECLARE_FINAL_TYPE (JhImportResult, jh_import_result, JH, IMPORT_RESULT, GObject)

GFile          *jh_import_result_get_file            (JhImportResult *self);
const char     *jh_import_result_get_display_name    (JhImportResult *self);
JhImportFormat  jh_import_result_get_format          (JhImportResult *self);
const char     *jh_import_result_get_encoding        (JhImportResult *self);
gboolean        jh_import_result_get_converted       (JhImportResult *self);
GListModel     *jh_import_result_get_documents       (JhImportResult *self);
guint           jh_import_result_get_n_documents     (JhImportResult *self);
JhImportDocument *jh_import_result_get_document      (JhImportResult *self,
                                                      guint           index_);
const GError   *jh_import_result_get_error           (JhImportResult *self);

G_END_DECLS
