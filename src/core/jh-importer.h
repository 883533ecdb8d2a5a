/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jh-import-document.h"
#include "jh-import-result.h"

G_BEGIN_DECLS

/* An ODT or DOCX file holds a few dozen members; thousands are not a
 * document but an attack on whoever lists them.
 */
#define JH_IMPORT_MAX_MEMBERS 10000

/* The largest member that is read (the document's XML).  A plan of a
 * thousand pages is a few megabytes of XML.
 */
#define JH_IMPORT_MAX_MEMBER_SIZE (64 * 1024 * 1024)

/* Text and XML compress ten or twenty times; a member that claims to
 * expand more than this (and to more than a megabyte) is a zip bomb.
 */
#define JH_IMPORT_MAX_RATIO 200

#define JH_IMPORT_ERROR (jh_import_error_quark ())

/**
 * JhImportError:
 * @JH_IMPORT_ERROR_UNSUPPORTED: not a kind of file Jihua imports (.txt,
 *   .odt, .docx)
 * @JH_IMPORT_ERROR_ENCODING: the text's encoding cannot be told, or the
 *   text is not valid in it
 * @JH_IMPORT_ERROR_DAMAGED: the archive is truncated or corrupt
 * @JH_IMPORT_ERROR_UNSAFE: the archive is built to harm its reader: too
 *   many members, a member that expands absurdly, a path that leaves the
 *   archive (../), encryption
 * @JH_IMPORT_ERROR_EMPTY: there is no text in the file
 *
 * Why a file could not be imported.  Errors of the XML inside an archive
 * are #JH_FILE_ERROR, as for plan files; those of reading the file are
 * #G_IO_ERROR.
 */
typedef enum
{
  JH_IMPORT_ERROR_UNSUPPORTED,
  JH_IMPORT_ERROR_ENCODING,
  JH_IMPORT_ERROR_DAMAGED,
  JH_IMPORT_ERROR_UNSAFE,
  JH_IMPORT_ERROR_EMPTY,
} JhImportError;

GQuark jh_import_error_quark (void);

#define JH_TYPE_IMPORTER (jh_importer_get_type ())

G_DECLARE_FINAL_TYPE (JhImporter, jh_importer, JH, IMPORTER, GObject)

JhImporter     *jh_importer_new                     (void);
guint           jh_importer_get_default_year        (JhImporter           *self);
void            jh_importer_set_default_year        (JhImporter           *self,
                                                     guint                 year);
gboolean        jh_importer_get_convert_traditional (JhImporter           *self);
void            jh_importer_set_convert_traditional (JhImporter           *self,
                                                     gboolean              convert);
gboolean        jh_importer_can_import_name         (const char           *name);

JhImportResult *jh_importer_import_bytes            (JhImporter           *self,
                                                     GBytes               *bytes,
                                                     const char           *display_name,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
JhImportResult *jh_importer_import_file             (JhImporter           *self,
                                                     GFile                *file,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void            jh_importer_import_file_async       (JhImporter           *self,
                                                     GFile                *file,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
JhImportResult *jh_importer_import_file_finish      (JhImporter           *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
void            jh_importer_import_files_async      (JhImporter           *self,
                                                     GPtrArray            *files,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GPtrArray      *jh_importer_import_files_finish     (JhImporter           *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
void            jh_importer_import_folder_async     (JhImporter           *self,
                                                     GFile                *folder,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GPtrArray      *jh_importer_import_folder_finish    (JhImporter           *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

G_END_DECLS
