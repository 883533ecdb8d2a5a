/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "jh-page-profile.h"
#include "jh-plan.h"
#include "jh-timeline-layout.h"

G_BEGIN_DECLS

/**
 * JhLayoutFlags:
 * @JH_LAYOUT_FLAGS_NONE: the plan as written
 * @JH_LAYOUT_SCHEDULE_AS_TABLE: print the schedule section (时间安排) as
 *   a table (序号/工作内容/时间/牵头单位) made from the tasks' timings,
 *   instead of its paragraphs
 * @JH_LAYOUT_INCLUDE_TIMELINE: end the printed document (PDF, print)
 *   with the timeline of the plan year on landscape pages, when some
 *   task has a timing
 */
typedef enum /*< flags >*/
{
  JH_LAYOUT_FLAGS_NONE        = 0,
  JH_LAYOUT_SCHEDULE_AS_TABLE = 1 << 0,
  JH_LAYOUT_INCLUDE_TIMELINE  = 1 << 1,
} JhLayoutFlags;

/**
 * JhBlockKind:
 * @JH_BLOCK_KIND_TITLE: the document's title
 * @JH_BLOCK_KIND_HEADING: a section's or a task's heading, with its
 *   numbering
 * @JH_BLOCK_KIND_PARAGRAPH: a paragraph of text
 * @JH_BLOCK_KIND_TABLE: a table
 * @JH_BLOCK_KIND_ATTACHMENT_NOTE: a line of the list of attachments
 *   after the body, "附件：1.…"
 * @JH_BLOCK_KIND_SIGNOFF_ORGANIZATION: the organization that signs
 * @JH_BLOCK_KIND_SIGNOFF_DATE: the date under it
 * @JH_BLOCK_KIND_ATTACHMENT_LABEL: "附件1" at the head of an attachment
 * @JH_BLOCK_KIND_ATTACHMENT_TITLE: an attachment's title
 */
typedef enum
{
  JH_BLOCK_KIND_TITLE,
  JH_BLOCK_KIND_HEADING,
  JH_BLOCK_KIND_PARAGRAPH,
  JH_BLOCK_KIND_TABLE,
  JH_BLOCK_KIND_ATTACHMENT_NOTE,
  JH_BLOCK_KIND_SIGNOFF_ORGANIZATION,
  JH_BLOCK_KIND_SIGNOFF_DATE,
  JH_BLOCK_KIND_ATTACHMENT_LABEL,
  JH_BLOCK_KIND_ATTACHMENT_TITLE,
} JhBlockKind;

/**
 * JhBlockAlignment:
 * @JH_BLOCK_ALIGNMENT_JUSTIFY: lines fill the width, the last line of a
 *   paragraph starts at the left
 * @JH_BLOCK_ALIGNMENT_CENTER: centred
 * @JH_BLOCK_ALIGNMENT_START: at the left
 * @JH_BLOCK_ALIGNMENT_END: at the right, less the block's end indent
 */
typedef enum
{
  JH_BLOCK_ALIGNMENT_JUSTIFY,
  JH_BLOCK_ALIGNMENT_CENTER,
  JH_BLOCK_ALIGNMENT_START,
  JH_BLOCK_ALIGNMENT_END,
} JhBlockAlignment;

/**
 * JhLayoutTable:
 * @n_columns: the number of columns
 * @n_rows: the number of rows, heading rows included
 * @n_heading_rows: how many rows at the top are headings, repeated
 *   at the top of each page the table continues on
 * @column_widths: the widths of the columns, in characters of the grid;
 *   they add up to the characters of a line
 * @column_alignments: how each column's cells are aligned
 * @cells: the text of the cells, row after row
 */
typedef struct
{
  guint              n_columns;
  guint              n_rows;
  guint              n_heading_rows;
  double            *column_widths;
  JhBlockAlignment  *column_alignments;
  char             **cells;
} JhLayoutTable;

/**
 * JhLayoutBlock:
 * @kind: what the block is
 * @style: its paragraph style, which gives its font and size
 * @level: a heading's level, from 1 (一、) to 4 (（1）) and deeper; 0
 *   for other blocks
 * @numbering: (nullable): a heading's numbering as printed, "（一）",
 *   which also begins @text
 * @text: the text as printed; a newline is a forced line break (a long
 *   title is broken where the words allow)
 * @alignment: how the lines are aligned
 * @start_indent: how far every line stands in from the left edge of
 *   the text block, in characters of the grid
 * @first_line_indent: how much further the first line stands in, in
 *   characters; negative for a hanging indent
 * @end_indent: how far the lines stand in from the right edge, in
 *   characters
 * @space_before: empty lines of the grid before the block; they are
 *   left out at the top of a page
 * @page_break_before: whether the block starts a page
 * @keep_with_next: whether the block's last line must be on the page of
 *   the next block's first (headings, the title, the sign-off)
 * @table: (nullable): the table of a %JH_BLOCK_KIND_TABLE block
 *
 * A block of the printed document: a paragraph with the style and
 * placement all outputs give it.  Blocks do not change once made.
 */
typedef struct
{
  JhBlockKind        kind;
  JhTextStyle        style;
  guint              level;
  char              *numbering;
  char              *text;
  JhBlockAlignment   alignment;
  double             start_indent;
  double             first_line_indent;
  double             end_indent;
  guint              space_before;
  gboolean           page_break_before;
  gboolean           keep_with_next;
  JhLayoutTable     *table;
} JhLayoutBlock;

#define JH_TYPE_LAYOUT (jh_layout_get_type ())

G_DECLARE_FINAL_TYPE (JhLayout, jh_layout, JH, LAYOUT, GObject)

JhLayout            *jh_layout_new             (JhPlan         *plan,
                                                JhPageProfile  *profile,
                                                JhLayoutFlags   flags);
JhPageProfile       *jh_layout_get_profile     (JhLayout       *self);
guint                jh_layout_get_n_blocks    (JhLayout       *self);
const JhLayoutBlock *jh_layout_get_block       (JhLayout       *self,
                                                guint           index_);
const char          *jh_layout_get_title       (JhLayout       *self);
const char          *jh_layout_get_author      (JhLayout       *self);
const char          *jh_layout_get_subject     (JhLayout       *self);
const GDate         *jh_layout_get_date        (JhLayout       *self);
char                *jh_layout_dup_text        (JhLayout       *self);
JhTimelineLayout    *jh_layout_get_timeline    (JhLayout       *self);
const char          *jh_layout_get_timeline_title (JhLayout    *self);

double               jh_text_measure_chars     (const char     *text);

G_END_DECLS
