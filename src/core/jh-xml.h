/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A plan of a thousand pages is a few megabytes; anything far larger is
 * not ours, and reading it would only exhaust memory.
 */
#define JH_FILE_MAX_SIZE (128 * 1024 * 1024)

#define JH_FILE_ERROR (jh_file_error_quark ())

/**
 * JhFileError:
 * @JH_FILE_ERROR_TOO_LARGE: the file is larger than %JH_FILE_MAX_SIZE
 * @JH_FILE_ERROR_MALFORMED: the file is not well-formed XML in UTF-8
 * @JH_FILE_ERROR_FORBIDDEN: the file declares a DOCTYPE or entities,
 *   which Jihua's files never do and which are the usual means of attack
 * @JH_FILE_ERROR_WRONG_DOCUMENT: the file is XML, but of another kind
 * @JH_FILE_ERROR_INVALID: the file breaks the rules of its schema
 *
 * Why a file Jihua reads was refused.  The messages name the file and,
 * where there is one, the line.
 */
typedef enum
{
  JH_FILE_ERROR_TOO_LARGE,
  JH_FILE_ERROR_MALFORMED,
  JH_FILE_ERROR_FORBIDDEN,
  JH_FILE_ERROR_WRONG_DOCUMENT,
  JH_FILE_ERROR_INVALID,
} JhFileError;

GQuark jh_file_error_quark (void);

void   jh_xml_init         (void);

GBytes *jh_file_load_bytes (GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error);

G_END_DECLS
