/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jh-plan.h"

G_BEGIN_DECLS

/**
 * JhImportDropReason:
 * @JH_IMPORT_DROP_NONE: not dropped
 * @JH_IMPORT_DROP_SITE_TITLE: the web page's own title, naming the
 *   collection ("…工作计划（精选5篇）")
 * @JH_IMPORT_DROP_EDITOR_NOTE: the site editor's blurb ("以下是小编为大家
 *   收集的…，仅供参考")
 * @JH_IMPORT_DROP_DOCUMENT_LABEL: the label the site puts before each
 *   document of a collection ("…工作计划篇一"); the document keeps it as
 *   its label
 * @JH_IMPORT_DROP_RELATED: lists of related articles, 上一篇/下一篇
 * @JH_IMPORT_DROP_SHARE: share, like and scan-the-code lines
 * @JH_IMPORT_DROP_SITE_NOTICE: sources, copyright, addresses, editors
 * @JH_IMPORT_DROP_PINYIN: a pinyin annotation after a character
 *   ("協(xié)"); only the annotation is dropped
 *
 * Why a piece of a source was left out of the imported document.  The
 * nicks are the names used in reports.
 */
typedef enum
{
  JH_IMPORT_DROP_NONE,
  JH_IMPORT_DROP_SITE_TITLE,
  JH_IMPORT_DROP_EDITOR_NOTE,
  JH_IMPORT_DROP_DOCUMENT_LABEL,
  JH_IMPORT_DROP_RELATED,
  JH_IMPORT_DROP_SHARE,
  JH_IMPORT_DROP_SITE_NOTICE,
  JH_IMPORT_DROP_PINYIN,
} JhImportDropReason;

/**
 * JhImportYearSource:
 * @JH_IMPORT_YEAR_FROM_TITLE: the document's title states the year
 * @JH_IMPORT_YEAR_FROM_TEXT: its opening or its schedule states it
 * @JH_IMPORT_YEAR_ASSUMED: it states none, or only a placeholder such
 *   as "20xx"; the importer's default year was used
 */
typedef enum
{
  JH_IMPORT_YEAR_FROM_TITLE,
  JH_IMPORT_YEAR_FROM_TEXT,
  JH_IMPORT_YEAR_ASSUMED,
} JhImportYearSource;

#define JH_TYPE_IMPORT_DROP (jh_import_drop_get_type ())

/**
 * JhImportDrop:
 * @line: where the dropped text was in the source (a line, or a paragraph
 *   of a word-processor file), counted from 1
 * @reason: why it was dropped
 * @text: the dropped text, as it was
 *
 * A piece of a source that is not in the imported document.
 */
typedef struct
{
  guint               line;
  JhImportDropReason  reason;
  char               *text;
} JhImportDrop;

GType         jh_import_drop_get_type          (void) G_GNUC_CONST;
JhImportDrop *jh_import_drop_new               (guint               line,
                                                JhImportDropReason  reason,
                                                const char         *text);
JhImportDrop *jh_import_drop_copy              (const JhImportDrop *drop);
void          jh_import_drop_free              (JhImportDrop       *drop);
const char   *jh_import_drop_reason_to_nick    (JhImportDropReason  reason);
const char   *jh_import_year_source_to_nick    (JhImportYearSource  source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JhImportDrop, jh_import_drop_free)

#define JH_TYPE_IMPORT_DOCUMENT (jh_import_document_get_type ())

G_DECLARE_FINAL_TYPE (JhImportDocument, jh_import_document, JH, IMPORT_DOCUMENT, GObject)

JhPlan             *jh_import_document_get_plan        (JhImportDocument *self);
guint               jh_import_document_get_index       (JhImportDocument *self);
const char         *jh_import_document_get_label       (JhImportDocument *self);
guint               jh_import_document_get_first_line  (JhImportDocument *self);
guint               jh_import_document_get_last_line   (JhImportDocument *self);
JhImportYearSource  jh_import_document_get_year_source (JhImportDocument *self);
GPtrArray          *jh_import_document_get_dropped     (JhImportDocument *self);
const char * const *jh_import_document_get_notes       (JhImportDocument *self);
char               *jh_import_document_dup_text        (JhImportDocument *self);

G_END_DECLS
