/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jh-import-document.h"
#include "jh-import-result.h"
#include "jh-importer.h"

G_BEGIN_DECLS

/**
 * JhImportLine:
 * @text: the text, in UTF-8 and Simplified characters once cleaned
 * @first_line: where it starts in the source: a line of a text file or a
 *   paragraph of a word-processor file, counted from 1
 * @last_line: where it ends, after broken lines are joined
 * @outline_level: 1–9 when the source styles it as a heading of that
 *   level, 0 for body text
 * @is_title: %TRUE when the source styles it as the document's title
 * @in_table: %TRUE for a row of a table, its cells separated by " | "
 * @drop: why the line is left out, or %JH_IMPORT_DROP_NONE
 *
 * One paragraph of a source on its way into a plan.
 */
typedef struct
{
  char               *text;
  guint               first_line;
  guint               last_line;
  guint               outline_level;
  gboolean            is_title;
  gboolean            in_table;
  JhImportDropReason  drop;
} JhImportLine;

JhImportLine *_jh_import_line_new            (const char          *text,
                                              guint                number);
void          _jh_import_line_free           (JhImportLine        *line);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JhImportLine, _jh_import_line_free)

/* What the analysis needs to know besides the lines. */
typedef struct
{
  const char *source;        /* the file's base name, for provenance */
  guint       default_year;  /* for documents that do not state theirs */
} JhImportContext;

/* jh-import-text.c: from bytes to clean lines. */
char         *_jh_import_decode_text         (GBytes              *bytes,
                                              const char          *display_name,
                                              char               **encoding,
                                              GError             **error);
GPtrArray    *_jh_import_split_lines         (const char          *text);
gboolean      _jh_import_simplify_lines      (GPtrArray           *lines,
                                              gboolean             force,
                                              GError             **error);
void          _jh_import_clean_lines         (GPtrArray           *lines,
                                              GPtrArray           *drops);
GPtrArray    *_jh_import_join_lines          (GPtrArray           *lines);
gboolean      _jh_import_is_han              (gunichar             c);
gboolean      _jh_import_ends_sentence       (const char          *text,
                                              gsize                length);
glong         _jh_import_utf8_length_capped  (const char          *text,
                                              glong                cap);

/* jh-import-archive.c: word-processor files. */
gboolean      _jh_import_check_zip           (GBytes              *bytes,
                                              const char          *display_name,
                                              GError             **error);
GPtrArray    *_jh_import_read_odt            (GBytes              *bytes,
                                              const char          *display_name,
                                              GCancellable        *cancellable,
                                              GError             **error);
GPtrArray    *_jh_import_read_docx           (GBytes              *bytes,
                                              const char          *display_name,
                                              GCancellable        *cancellable,
                                              GError             **error);
JhImportFormat _jh_import_sniff_zip          (GBytes              *bytes,
                                              const char          *display_name,
                                              GError             **error);

/* jh-import-structure.c: from clean lines to documents. */

/**
 * JhImportMarkType:
 *
 * The ways plans number their headings and items.
 */
typedef enum
{
  JH_IMPORT_MARK_NONE,
  JH_IMPORT_MARK_CN_DUN,      /* 一、 */
  JH_IMPORT_MARK_CN_PAREN,    /* （一） */
  JH_IMPORT_MARK_NUM_DUN,     /* 1、 */
  JH_IMPORT_MARK_NUM_DOT,     /* 1. */
  JH_IMPORT_MARK_NUM_PAREN,   /* （1） */
  JH_IMPORT_MARK_CIRCLED,     /* ① */
  JH_IMPORT_MARK_ORDINAL,     /* 一是, 第一， */
  JH_IMPORT_MARK_CHAPTER,     /* 第一章 */
  JH_IMPORT_MARK_ARTICLE,     /* 第一条 */
} JhImportMarkType;

typedef struct
{
  JhImportMarkType type;
  guint            number;
  gsize            length;   /* bytes of the marker and what follows it */
} JhImportMark;

gboolean      _jh_import_parse_mark          (const char          *text,
                                              JhImportMark        *mark);
gboolean      _jh_import_is_time_heading     (const char          *text);
gboolean      _jh_import_is_heading_shaped   (const char          *text);
gboolean      _jh_import_parse_label         (const char          *text,
                                              char               **label,
                                              guint               *number);
GPtrArray    *_jh_import_analyze             (GPtrArray           *lines,
                                              GPtrArray           *drops,
                                              const JhImportContext *context);

JhImportDocument *_jh_import_document_new    (JhPlan              *plan,
                                              guint                index,
                                              const char          *label,
                                              guint                first_line,
                                              guint                last_line,
                                              JhImportYearSource   year_source);
void          _jh_import_document_add_drop   (JhImportDocument    *self,
                                              const JhImportDrop  *drop);
void          _jh_import_document_add_note   (JhImportDocument    *self,
                                              const char          *note);

JhImportResult *_jh_import_result_new        (GFile               *file,
                                              const char          *display_name,
                                              JhImportFormat       format,
                                              const char          *encoding,
                                              gboolean             converted);
JhImportResult *_jh_import_result_new_failed (GFile               *file,
                                              const GError        *error);
void          _jh_import_result_add_document (JhImportResult      *self,
                                              JhImportDocument    *document);

G_END_DECLS
