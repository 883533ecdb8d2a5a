/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <math.h>

#include "jh-layout.h"
#include "jh-schedule.h"
#include "jh-section.h"
#include "jh-task.h"
#include "jh-timeline-render.h"

/**
 * JhLayout:
 *
 * A plan as it is printed: a list of styled blocks (the title, headings
 * with their numbering, paragraphs, tables, the sign-off, attachments)
 * laid out as GB/T 9704-2012 orders them.  The ODT, the PDF and printing
 * are all made from a layout, so that they agree.
 *
 * A layout is a snapshot: made on the thread that owns the plan, it
 * holds no reference to the plan and never changes, so a writer may
 * read it in a thread of its own.
 *
 * How a plan is printed:
 *
 * - The title is centred; a title too long for one line is broken into
 *   lines of nearly equal length (a trapezoid), where a word ends: after
 *   the organization, before the year, after 关于.  One empty line
 *   separates it from the body.
 * - A section's heading is its numbering and title, "一、指导思想", with
 *   no punctuation after it.
 * - A task is printed as its heading, numbering and lead sentence on a
 *   line of their own, followed by the task's paragraphs.  Below the
 *   first level the lead is a sentence and ends with a full stop:
 *   "（一）加强理论学习，提高履职能力。"; a first-level heading
 *   ("一、…") has none.  The task's owner, timing and targets are not
 *   printed: they are what the plan's text says, kept in a form Jihua
 *   can check.
 * - Headings and paragraphs alike stand in two characters.
 * - The schedule section is printed as written, or as a table of the
 *   tasks' timings (#JH_LAYOUT_SCHEDULE_AS_TABLE).
 * - After the body, one empty line, then the list of attachments:
 *   "附件：1.…", two characters in, the names of later ones under the
 *   first's.
 * - After one more empty line the sign-off: the organization two
 *   characters from the right, and on the next line the date, starting
 *   two characters right of the organization's first character; when
 *   the date is the longer, the organization moves left so that the
 *   date still ends two characters from the right.
 * - Each attachment starts a page: "附件1" in 黑体 on the first line, its
 *   title centred on the third, its text after.
 */
struct _JhLayout
{
  GObject         parent_instance;

  JhPageProfile  *profile;
  GPtrArray      *blocks;
  char           *title;
  char           *author;
  char           *subject;
  GDate           date;
  JhTimelineLayout *timeline;
  char           *timeline_title;
  gboolean        is_summary;   /* while laying out */
};

G_DEFINE_FINAL_TYPE (JhLayout, jh_layout, G_TYPE_OBJECT)

/* Blank lines after the title, and before the attachment list and the
 * sign-off ("下空一行").
 */
#define SPACE_AFTER_TITLE    1
#define SPACE_BEFORE_NOTES   1
#define SPACE_BEFORE_SIGNOFF 1

/* Paragraphs and headings stand in two characters. */
#define PARAGRAPH_INDENT 2

/* The sign-off ends two characters from the right, and the date starts
 * two characters right of the organization.
 */
#define SIGNOFF_END_INDENT 2
#define SIGNOFF_DATE_SHIFT 2

static void
layout_table_free (JhLayoutTable *table)
{
  if (table == NULL)
    return;

  g_free (table->column_widths);
  g_free (table->column_alignments);
  g_strfreev (table->cells);
  g_free (table);
}

static void
layout_block_free (JhLayoutBlock *block)
{
  g_free (block->numbering);
  g_free (block->text);
  layout_table_free (block->table);
  g_free (block);
}

static void
jh_layout_finalize (GObject *object)
{
  JhLayout *self = (JhLayout *) object;

  g_clear_object (&self->profile);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_free (self->title);
  g_free (self->author);
  g_free (self->subject);
  g_clear_pointer (&self->timeline, jh_timeline_layout_unref);
  g_free (self->timeline_title);

  G_OBJECT_CLASS (jh_layout_parent_class)->finalize (object);
}

static void
jh_layout_class_init (JhLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jh_layout_finalize;
}

static void
jh_layout_init (JhLayout *self)
{
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) layout_block_free);
  g_date_clear (&self->date, 1);
}

/**
 * jh_text_measure_chars:
 * @text: a line of text
 *
 * How wide @text is in characters of the grid, counting full-width
 * characters (汉字, Chinese punctuation) as one and the others (digits,
 * Latin letters) as half, as Chinese typesetting does.
 *
 * Returns: the width in characters
 */
double
jh_text_measure_chars (const char *text)
{
  double width = 0;

  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) || g_unichar_iswide_cjk (c) ? 1.0 : 0.5;
    }

  return width;
}

static JhLayoutBlock *
add_block (JhLayout    *self,
           JhBlockKind  kind,
           JhTextStyle  style,
           const char  *text)
{
  JhLayoutBlock *block = g_new0 (JhLayoutBlock, 1);

  block->kind = kind;
  block->style = style;
  block->text = g_strdup (text);
  block->alignment = JH_BLOCK_ALIGNMENT_JUSTIFY;
  g_ptr_array_add (self->blocks, block);

  return block;
}

static void
add_paragraph (JhLayout   *self,
               const char *text)
{
  JhLayoutBlock *block = add_block (self, JH_BLOCK_KIND_PARAGRAPH, JH_TEXT_STYLE_BODY, text);

  block->first_line_indent = PARAGRAPH_INDENT;
}

static void
add_paragraphs (JhLayout   *self,
                GListModel *paragraphs)
{
  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(JhParagraph) paragraph = g_list_model_get_item (paragraphs, i);
      g_autofree char *text = g_strstrip (g_strdup (jh_paragraph_get_text (paragraph)));

      if (*text != '\0')
        add_paragraph (self, text);
    }
}

static JhTextStyle
heading_style (guint level)
{
  switch (level)
    {
    case 1:
      return JH_TEXT_STYLE_HEADING_1;
    case 2:
      return JH_TEXT_STYLE_HEADING_2;
    case 3:
      return JH_TEXT_STYLE_HEADING_3;
    default:
      return JH_TEXT_STYLE_HEADING_4;
    }
}

static void
add_heading (JhLayout   *self,
             guint       level,
             const char *numbering,
             const char *text)
{
  JhLayoutBlock *block;
  g_autofree char *full = g_strconcat (numbering ? numbering : "", text, NULL);

  block = add_block (self, JH_BLOCK_KIND_HEADING, heading_style (level), full);
  block->level = level;
  block->numbering = g_strdup (numbering);
  block->first_line_indent = PARAGRAPH_INDENT;
  block->keep_with_next = TRUE;
}

/* A lead sentence below the first level is printed as a sentence: a
 * full stop ends it, replacing a comma or semicolon a user left there.
 */
static char *
dup_heading_sentence (const char *lead,
                      guint       level)
{
  static const char * const terminal[] = { "。", "！", "？", "…", NULL };
  static const char * const dangling[] = { "，", "、", "；", "：", ",", ";", ":", ".", NULL };
  g_autofree char *text = g_strstrip (g_strdup (lead));
  gboolean trimmed = TRUE;

  if (level <= 1 || *text == '\0')
    return g_steal_pointer (&text);

  for (guint i = 0; terminal[i] != NULL; i++)
    if (g_str_has_suffix (text, terminal[i]))
      return g_steal_pointer (&text);

  while (trimmed)
    {
      trimmed = FALSE;
      for (guint i = 0; dangling[i] != NULL; i++)
        if (g_str_has_suffix (text, dangling[i]))
          {
            text[strlen (text) - strlen (dangling[i])] = '\0';
            trimmed = TRUE;
          }
    }

  return g_strconcat (text, "。", NULL);
}

static void add_table (JhLayout                *self,
                       const char * const      *headings,
                       const double            *fixed_widths,
                       const JhBlockAlignment  *alignments,
                       guint                    n_columns,
                       guint                    n_rows,
                       GStrvBuilder            *cells);

/* In a summary, a task's targets are a table to fill with what was
 * done: 目标 | 完成情况.
 */
static void
add_targets_table (JhLayout   *self,
                   GListModel *targets)
{
  static const char * const headings[] = { "目标", "完成情况" };
  static const double fixed_widths[] = { 12, 0 };
  static const JhBlockAlignment alignments[] = { JH_BLOCK_ALIGNMENT_START, JH_BLOCK_ALIGNMENT_START };
  g_autoptr(GStrvBuilder) cells = g_strv_builder_new ();
  guint n_targets = g_list_model_get_n_items (targets);

  if (n_targets == 0)
    return;

  for (guint i = 0; i < n_targets; i++)
    {
      g_autoptr(JhTarget) target = g_list_model_get_item (targets, i);
      g_autofree char *number = g_strdup_printf ("%g", jh_target_get_number (target));
      g_autofree char *goal = g_strdup_printf ("%s%s%s%s", jh_target_get_metric (target),
                                               jh_comparison_get_symbol (jh_target_get_comparison (target)),
                                               number, jh_target_get_unit (target));

      g_strv_builder_add_many (cells, goal, "", NULL);
    }

  add_table (self, headings, fixed_widths, alignments, G_N_ELEMENTS (headings), n_targets, cells);
}

static void
add_task (JhLayout *self,
          JhTask   *task)
{
  GListModel *subtasks = jh_task_get_subtasks (task);
  guint level = jh_task_get_heading_level (task);
  g_autofree char *numbering = jh_task_dup_numbering (task);
  g_autofree char *sentence = dup_heading_sentence (jh_task_get_lead (task), level);

  add_heading (self, level, numbering, sentence);
  add_paragraphs (self, jh_task_get_paragraphs (task));
  if (self->is_summary)
    add_targets_table (self, jh_task_get_targets (task));

  for (guint i = 0; i < g_list_model_get_n_items (subtasks); i++)
    {
      g_autoptr(JhTask) subtask = g_list_model_get_item (subtasks, i);

      add_task (self, subtask);
    }
}

static void
add_tasks (JhLayout   *self,
           GListModel *tasks)
{
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(JhTask) task = g_list_model_get_item (tasks, i);

      add_task (self, task);
    }
}

/* What a task is called in the schedule table: its lead without the
 * punctuation at its end.
 */
static char *
dup_task_phrase (JhTask *task)
{
  static const char * const endings[] = { "。", "；", "，", "：", "、", ".", ";", ",", ":", NULL };
  g_autofree char *phrase = g_strstrip (g_strdup (jh_task_get_lead (task)));
  gboolean trimmed = TRUE;

  while (trimmed)
    {
      trimmed = FALSE;
      for (guint i = 0; endings[i] != NULL; i++)
        if (g_str_has_suffix (phrase, endings[i]))
          {
            phrase[strlen (phrase) - strlen (endings[i])] = '\0';
            trimmed = TRUE;
          }
    }

  return g_steal_pointer (&phrase);
}

/* When a task is done, for the table: its timing as the user wrote it,
 * or else the times its body names.
 */
static char *
dup_task_time (JhSchedule *schedule,
               JhTask     *task)
{
  GPtrArray *activities = jh_schedule_get_activities (schedule, task);
  g_autoptr(GString) time = NULL;
  g_autofree char *timing = g_strstrip (g_strdup (jh_task_get_timing (task)));

  if (*timing != '\0')
    return g_steal_pointer (&timing);

  if (activities == NULL)
    return NULL;

  time = g_string_new (NULL);
  for (guint i = 0; i < activities->len; i++)
    {
      g_autofree char *when = jh_timing_format (jh_activity_get_timing (g_ptr_array_index (activities, i)));

      if (when == NULL || *when == '\0' || strstr (time->str, when) != NULL)
        continue;
      if (time->len > 0)
        g_string_append (time, "、");
      g_string_append (time, when);
    }

  if (time->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&time), FALSE);
}

/* The schedule as a table: a row for each main task with a time, in the
 * order of the plan, so that the table reads like the task list.
 */
static gboolean
add_schedule_table (JhLayout *self,
                    JhPlan   *plan)
{
  static const char * const headings[] = { "序号", "工作内容", "时间", "牵头单位" };
  /* 序号 needs two characters and a margin, a unit's name six or seven
   * characters; 工作内容 takes what is left.
   */
  static const double fixed_widths[] = { 3, 0, 7, 7 };
  static const JhBlockAlignment alignments[] = {
    JH_BLOCK_ALIGNMENT_CENTER,
    JH_BLOCK_ALIGNMENT_JUSTIFY,
    JH_BLOCK_ALIGNMENT_CENTER,
    JH_BLOCK_ALIGNMENT_CENTER,
  };
  g_autoptr(JhSchedule) schedule = jh_schedule_new (plan);
  GPtrArray *tasks = jh_schedule_get_tasks (schedule);
  g_autoptr(GStrvBuilder) cells = g_strv_builder_new ();
  guint n_rows = 0;

  for (guint i = 0; i < tasks->len; i++)
    {
      JhTask *task = g_ptr_array_index (tasks, i);
      JhSection *section = jh_task_get_section (task);
      g_autofree char *number = NULL;
      g_autofree char *phrase = NULL;
      g_autofree char *time = NULL;

      if (section == NULL || jh_section_get_kind (section) != JH_SECTION_KIND_MAIN_TASKS)
        continue;

      time = dup_task_time (schedule, task);
      if (time == NULL)
        continue;

      n_rows++;
      number = g_strdup_printf ("%u", n_rows);
      phrase = dup_task_phrase (task);
      g_strv_builder_add_many (cells, number, phrase, time, jh_task_get_owner (task), NULL);
    }

  if (n_rows == 0)
    return FALSE;

  add_table (self, headings, fixed_widths, alignments, G_N_ELEMENTS (headings), n_rows, cells);

  return TRUE;
}

/* A table with a heading row: the columns with a fixed width (in
 * characters) as given, the one with width 0 taking what is left.
 */
static void
add_table (JhLayout                *self,
           const char * const      *headings,
           const double            *fixed_widths,
           const JhBlockAlignment  *alignments,
           guint                    n_columns,
           guint                    n_rows,
           GStrvBuilder            *cells)
{
  g_autoptr(GStrvBuilder) all = g_strv_builder_new ();
  g_auto(GStrv) body = g_strv_builder_end (cells);
  guint chars_per_line = jh_page_profile_get_chars_per_line (self->profile);
  JhLayoutTable *table;
  JhLayoutBlock *block;
  double left = chars_per_line;
  guint flexible = 0;

  for (guint i = 0; i < n_columns; i++)
    g_strv_builder_add (all, headings[i]);
  g_strv_builder_addv (all, (const char **) body);

  table = g_new0 (JhLayoutTable, 1);
  table->n_columns = n_columns;
  table->n_rows = n_rows + 1;
  table->n_heading_rows = 1;
  table->cells = g_strv_builder_end (all);
  table->column_widths = g_new0 (double, n_columns);
  table->column_alignments = g_new0 (JhBlockAlignment, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      table->column_alignments[i] = alignments[i];
      if (fixed_widths[i] > 0)
        {
          table->column_widths[i] = fixed_widths[i];
          left -= fixed_widths[i];
        }
      else
        flexible = i;
    }
  table->column_widths[flexible] = left;

  block = add_block (self, JH_BLOCK_KIND_TABLE, JH_TEXT_STYLE_TABLE_TEXT, NULL);
  block->table = table;
  block->text = g_strjoinv ("\t", table->cells);
}

static gboolean
is_digit_at (const char *p)
{
  return g_unichar_isdigit (g_utf8_get_char (p));
}

/* Where a long title may be broken without splitting a word: after the
 * organization's name, before the year, after 关于, and between words
 * the usual title endings begin (工作计划, 工作要点).
 */
static void
collect_title_breaks (const char  *title,
                      const char  *organization,
                      GArray      *breaks)
{
  static const char * const before[] = { "工作计划", "工作要点", "工作总结", "实施方案", "的通知", NULL };
  static const char * const after[] = { "关于", NULL };
  gsize length = strlen (title);

  if (organization != NULL && *organization != '\0' && g_str_has_prefix (title, organization))
    {
      gsize offset = strlen (organization);

      g_array_append_val (breaks, offset);
    }

  for (const char *p = title; *p != '\0'; p = g_utf8_next_char (p))
    {
      gsize offset = p - title;

      /* Before a number: "…政协工委" | "2027年…". */
      if (p != title && is_digit_at (p) && !is_digit_at (g_utf8_prev_char (p)))
        g_array_append_val (breaks, offset);

      for (guint i = 0; before[i] != NULL; i++)
        if (p != title && g_str_has_prefix (p, before[i]))
          g_array_append_val (breaks, offset);

      for (guint i = 0; after[i] != NULL; i++)
        if (g_str_has_prefix (p, after[i]))
          {
            gsize end = offset + strlen (after[i]);

            if (end < length)
              g_array_append_val (breaks, end);
          }
    }
}

/* Breaks a title that does not fit on one line into lines of nearly
 * equal length, each of which fits: a trapezoid, never a long line and
 * a stub.  Word ends are preferred; where none gives lines that fit,
 * the title is broken between characters, keeping numbers whole.
 */
static char *
break_title (const char *title,
             const char *organization,
             double      capacity)
{
  g_autoptr(GArray) breaks = g_array_new (FALSE, FALSE, sizeof (gsize));
  double width = jh_text_measure_chars (title);
  g_autoptr(GString) broken = g_string_new (NULL);
  const char *rest = title;
  guint n_lines;
  gsize best = 0;
  double best_score = G_MAXDOUBLE;

  if (width <= capacity || capacity < 2)
    return g_strdup (title);

  n_lines = (guint) ceil (width / capacity);

  if (n_lines == 2)
    {
      collect_title_breaks (title, organization, breaks);
      for (guint i = 0; i < breaks->len; i++)
        {
          gsize offset = g_array_index (breaks, gsize, i);
          g_autofree char *first = g_strndup (title, offset);
          double first_width = jh_text_measure_chars (first);
          double second_width = width - first_width;
          double score = fabs (first_width - second_width);

          if (first_width > capacity || second_width > capacity)
            continue;
          if (score < best_score)
            {
              best_score = score;
              best = offset;
            }
        }

      if (best > 0)
        {
          g_string_append_len (broken, title, best);
          g_string_append_c (broken, '\n');
          g_string_append (broken, title + best);
          return g_string_free (g_steal_pointer (&broken), FALSE);
        }
    }

  /* No word end serves: lines of equal length, numbers kept whole. */
  for (guint line = 0; line + 1 < n_lines && *rest != '\0'; line++)
    {
      double target = jh_text_measure_chars (rest) / (n_lines - line);
      double line_width = 0;
      const char *p = rest;

      while (*p != '\0')
        {
          gunichar c = g_utf8_get_char (p);
          double w = g_unichar_iswide (c) || g_unichar_iswide_cjk (c) ? 1.0 : 0.5;

          if (line_width + w > target + 0.25 && !(is_digit_at (p) && p != rest && is_digit_at (g_utf8_prev_char (p))))
            break;
          line_width += w;
          p = g_utf8_next_char (p);
        }

      g_string_append_len (broken, rest, p - rest);
      g_string_append_c (broken, '\n');
      rest = p;
    }
  g_string_append (broken, rest);

  return g_string_free (g_steal_pointer (&broken), FALSE);
}

/* How many characters of the title's size a line holds: the title is
 * set at its natural width, not on the body's grid.
 */
static double
title_capacity (JhLayout *self)
{
  double title_size = jh_page_profile_get_title_size (self->profile);
  double text_width = jh_page_profile_get_text_width (self->profile) * 72.0 / 25.4;

  return floor (text_width / title_size);
}

static void
add_title (JhLayout   *self,
           JhPlan     *plan)
{
  g_autofree char *text = NULL;
  JhLayoutBlock *block;

  text = break_title (self->title, jh_plan_get_organization (plan), title_capacity (self));
  block = add_block (self, JH_BLOCK_KIND_TITLE, JH_TEXT_STYLE_TITLE, text);
  block->alignment = JH_BLOCK_ALIGNMENT_CENTER;
  block->keep_with_next = TRUE;
}

static void
add_signoff (JhLayout    *self,
             const char  *organization,
             const GDate *date)
{
  g_autofree char *date_text = jh_format_date (date);
  double organization_width = jh_text_measure_chars (organization);
  double date_width = jh_text_measure_chars (date_text);
  double organization_end = SIGNOFF_END_INDENT;
  double date_end;
  JhLayoutBlock *block;

  /* The date starts two characters right of the organization's first;
   * if that would take it closer than two characters to the right, the
   * organization moves left instead.
   */
  date_end = organization_end + organization_width - SIGNOFF_DATE_SHIFT - date_width;
  if (*date_text != '\0' && date_end < SIGNOFF_END_INDENT)
    {
      organization_end += SIGNOFF_END_INDENT - date_end;
      date_end = SIGNOFF_END_INDENT;
    }

  block = add_block (self, JH_BLOCK_KIND_SIGNOFF_ORGANIZATION, JH_TEXT_STYLE_SIGNOFF, organization);
  block->alignment = JH_BLOCK_ALIGNMENT_END;
  block->end_indent = organization_end;
  block->space_before = SPACE_BEFORE_SIGNOFF;

  if (*date_text == '\0')
    return;

  block->keep_with_next = TRUE;
  block = add_block (self, JH_BLOCK_KIND_SIGNOFF_DATE, JH_TEXT_STYLE_SIGNOFF, date_text);
  block->alignment = JH_BLOCK_ALIGNMENT_END;
  block->end_indent = date_end;
}

/* "附件：1.名称", two characters in; a later name stands under the
 * first's number, and a long name wraps under its own first character.
 */
static void
add_attachment_notes (JhLayout  *self,
                      GPtrArray *attachments)
{
  const char *label = "附件：";
  gboolean numbered = attachments->len > 1;
  double label_width = jh_text_measure_chars (label);
  double number_width = numbered ? jh_text_measure_chars ("1.") : 0;

  for (guint i = 0; i < attachments->len; i++)
    {
      JhSection *section = g_ptr_array_index (attachments, i);
      g_autofree char *text = NULL;
      JhLayoutBlock *block;

      if (numbered)
        text = g_strdup_printf ("%s%u.%s", i == 0 ? label : "", i + 1, jh_section_get_title (section));
      else
        text = g_strconcat (label, jh_section_get_title (section), NULL);

      block = add_block (self, JH_BLOCK_KIND_ATTACHMENT_NOTE, JH_TEXT_STYLE_ATTACHMENT_NOTE, text);
      block->alignment = JH_BLOCK_ALIGNMENT_START;
      block->start_indent = PARAGRAPH_INDENT + label_width + number_width;
      block->first_line_indent = i == 0
        ? PARAGRAPH_INDENT - block->start_indent
        : -number_width;

      if (i == 0)
        block->space_before = SPACE_BEFORE_NOTES;
      if (i + 1 < attachments->len)
        block->keep_with_next = TRUE;
    }
}

/* An attachment starts a page: its label on the first line, its title
 * on the third, its text after one more empty line.
 */
static void
add_attachment (JhLayout  *self,
                JhSection *section,
                guint      number,
                guint      n_attachments)
{
  g_autofree char *label = n_attachments > 1 ? g_strdup_printf ("附件%u", number) : g_strdup ("附件");
  g_autofree char *title = g_strstrip (g_strdup (jh_section_get_title (section)));
  JhLayoutBlock *block;
  guint first_content;

  block = add_block (self, JH_BLOCK_KIND_ATTACHMENT_LABEL, JH_TEXT_STYLE_ATTACHMENT_LABEL, label);
  block->alignment = JH_BLOCK_ALIGNMENT_START;
  block->page_break_before = TRUE;
  block->keep_with_next = TRUE;

  if (*title != '\0')
    {
      g_autofree char *text = break_title (title, NULL, title_capacity (self));

      block = add_block (self, JH_BLOCK_KIND_ATTACHMENT_TITLE, JH_TEXT_STYLE_ATTACHMENT_TITLE, text);
      block->alignment = JH_BLOCK_ALIGNMENT_CENTER;
      block->space_before = 1;
      block->keep_with_next = TRUE;
    }

  first_content = self->blocks->len;
  add_paragraphs (self, jh_section_get_paragraphs (section));
  add_tasks (self, jh_section_get_tasks (section));

  if (*title != '\0' && first_content < self->blocks->len)
    ((JhLayoutBlock *) g_ptr_array_index (self->blocks, first_content))->space_before = SPACE_AFTER_TITLE;
}

static char *
dup_subject (JhPlan *plan)
{
  guint year = jh_plan_get_year (plan);

  /* Document text, in the document's language. */
  switch (jh_plan_get_kind (plan))
    {
    case JH_DOCUMENT_KIND_SUMMARY:
      return g_strdup_printf ("%u年工作总结", year);
    case JH_DOCUMENT_KIND_RULES:
      return g_strdup ("制度");
    case JH_DOCUMENT_KIND_PLAN:
    case JH_DOCUMENT_KIND_OTHER:
    default:
      return g_strdup_printf ("%u年工作计划", year);
    }
}

/**
 * jh_layout_new:
 * @plan: a #JhPlan
 * @profile: (nullable): the page and type settings, or %NULL for those
 *   of GB/T 9704-2012
 * @flags: how to print the plan
 *
 * Lays @plan out for print.  The layout keeps a copy of @profile.
 *
 * Returns: (transfer full): the layout
 */
JhLayout *
jh_layout_new (JhPlan         *plan,
               JhPageProfile  *profile,
               JhLayoutFlags   flags)
{
  g_autoptr(JhLayout) self = NULL;
  g_autoptr(GPtrArray) attachments = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *sections;
  const char *organization;
  const GDate *date;
  gsize first_body;

  g_return_val_if_fail (JH_IS_PLAN (plan), NULL);
  g_return_val_if_fail (profile == NULL || JH_IS_PAGE_PROFILE (profile), NULL);

  self = g_object_new (JH_TYPE_LAYOUT, NULL);
  self->profile = profile != NULL ? jh_page_profile_copy (profile) : jh_page_profile_new ();

  organization = jh_plan_get_signoff_organization (plan);
  if (organization == NULL || *organization == '\0')
    organization = jh_plan_get_organization (plan);
  date = jh_plan_get_signoff_date (plan);
  if (date == NULL || !g_date_valid (date))
    date = jh_plan_get_date (plan);

  self->title = g_strstrip (g_strdup (jh_plan_get_title (plan)));
  if (*self->title == '\0')
    {
      g_free (self->title);
      self->title = g_strdup_printf ("%s%u年工作计划", jh_plan_get_organization (plan),
                                     jh_plan_get_year (plan));
    }
  self->author = g_strdup (organization != NULL ? organization : "");
  self->subject = dup_subject (plan);
  if (date != NULL && g_date_valid (date))
    self->date = *date;

  add_title (self, plan);
  first_body = self->blocks->len;

  self->is_summary = jh_plan_get_kind (plan) == JH_DOCUMENT_KIND_SUMMARY;
  sections = jh_plan_get_sections (plan);
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JhSection) section = g_list_model_get_item (sections, i);
      JhSectionKind kind = jh_section_get_kind (section);

      if (kind == JH_SECTION_KIND_ATTACHMENT)
        {
          g_ptr_array_add (attachments, g_steal_pointer (&section));
          continue;
        }

      if (jh_section_is_numbered (section))
        {
          g_autofree char *numbering = jh_section_dup_numbering (section);
          g_autofree char *title = g_strstrip (g_strdup (jh_section_get_title (section)));

          add_heading (self, 1, numbering, title);
        }

      if (kind == JH_SECTION_KIND_SCHEDULE &&
          (flags & JH_LAYOUT_SCHEDULE_AS_TABLE) != 0 &&
          add_schedule_table (self, plan))
        continue;

      add_paragraphs (self, jh_section_get_paragraphs (section));
      add_tasks (self, jh_section_get_tasks (section));
    }

  if (first_body < self->blocks->len)
    ((JhLayoutBlock *) g_ptr_array_index (self->blocks, first_body))->space_before = SPACE_AFTER_TITLE;

  if (attachments->len > 0)
    add_attachment_notes (self, attachments);

  if (organization != NULL && *organization != '\0')
    {
      /* The sign-off never stands alone on a page: the end of the text
       * goes with it.
       */
      if (self->blocks->len > 0)
        ((JhLayoutBlock *) g_ptr_array_index (self->blocks, self->blocks->len - 1))->keep_with_next = TRUE;
      add_signoff (self, organization, date);
    }

  for (guint i = 0; i < attachments->len; i++)
    add_attachment (self, g_ptr_array_index (attachments, i), i + 1, attachments->len);

  /* The timeline is laid out here, in the thread that owns the plan,
   * so that a thread may draw it while the plan goes on changing.
   */
  if ((flags & JH_LAYOUT_INCLUDE_TIMELINE) != 0)
    {
      g_autoptr(JhSchedule) schedule = jh_schedule_new (plan);
      JhTimelineLayout *timeline = jh_timeline_page_layout_new (schedule);

      if (jh_timeline_layout_get_n_rows (timeline) > 0)
        {
          self->timeline = timeline;
          self->timeline_title = g_strdup_printf ("%s进度安排", self->title);
        }
      else
        jh_timeline_layout_unref (timeline);
    }

  return g_steal_pointer (&self);
}

/**
 * jh_layout_get_timeline:
 * @self: a #JhLayout
 *
 * The timeline printed after the document, if the layout was made with
 * %JH_LAYOUT_INCLUDE_TIMELINE and some task has a timing.
 *
 * Returns: (transfer none) (nullable): a layout for landscape pages
 *   (see jh_timeline_page_layout_new()), or %NULL
 */
JhTimelineLayout *
jh_layout_get_timeline (JhLayout *self)
{
  g_return_val_if_fail (JH_IS_LAYOUT (self), NULL);

  return self->timeline;
}

/**
 * jh_layout_get_timeline_title:
 * @self: a #JhLayout
 *
 * Returns: (nullable): the title over the timeline's pages, or %NULL
 *   if the layout has no timeline
 */
const char *
jh_layout_get_timeline_title (JhLayout *self)
{
  g_return_val_if_fail (JH_IS_LAYOUT (self), NULL);

  return self->timeline_title;
}

/**
 * jh_layout_get_profile:
 * @self: a #JhLayout
 *
 * Returns: (transfer none): the page and type settings the layout was
 *   made for; they must not be changed
 */
JhPageProfile *
jh_layout_get_profile (JhLayout *self)
{
  g_return_val_if_fail (JH_IS_LAYOUT (self), NULL);

  return self->profile;
}

guint
jh_layout_get_n_blocks (JhLayout *self)
{
  g_return_val_if_fail (JH_IS_LAYOUT (self), 0);

  return self->blocks->len;
}

/**
 * jh_layout_get_block:
 * @self: a #JhLayout
 * @index_: the position of a block
 *
 * Returns: (transfer none): the block
 */
const JhLayoutBlock *
jh_layout_get_block (JhLayout *self,
                     guint     index_)
{
  g_return_val_if_fail (JH_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (index_ < self->blocks->len, NULL);

  return g_ptr_array_index (self->blocks, index_);
}

/**
 * jh_layout_get_title:
 * @self: a #JhLayout
 *
 * Returns: the document's title, for its metadata
 */
const char *
jh_layout_get_title (JhLayout *self)
{
  g_return_val_if_fail (JH_IS_LAYOUT (self), NULL);

  return self->title;
}

/**
 * jh_layout_get_author:
 * @self: a #JhLayout
 *
 * Returns: the organization that issues the document, its author in the
 *   metadata; empty if the plan names none
 */
const char *
jh_layout_get_author (JhLayout *self)
{
  g_return_val_if_fail (JH_IS_LAYOUT (self), NULL);

  return self->author;
}

/**
 * jh_layout_get_subject:
 * @self: a #JhLayout
 *
 * Returns: what the document is, "2027年工作计划", for its metadata
 */
const char *
jh_layout_get_subject (JhLayout *self)
{
  g_return_val_if_fail (JH_IS_LAYOUT (self), NULL);

  return self->subject;
}

/**
 * jh_layout_get_date:
 * @self: a #JhLayout
 *
 * Returns: (nullable): the date of the document, or %NULL if it has
 *   none
 */
const GDate *
jh_layout_get_date (JhLayout *self)
{
  g_return_val_if_fail (JH_IS_LAYOUT (self), NULL);

  return g_date_valid (&self->date) ? &self->date : NULL;
}

/**
 * jh_layout_dup_text:
 * @self: a #JhLayout
 *
 * The text of the document, a block a line; a table's cells are
 * separated by tabs, a row a line.
 *
 * Returns: (transfer full): the text
 */
char *
jh_layout_dup_text (JhLayout *self)
{
  GString *text;

  g_return_val_if_fail (JH_IS_LAYOUT (self), NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      JhLayoutBlock *block = g_ptr_array_index (self->blocks, i);

      if (block->table != NULL)
        {
          for (guint row = 0; row < block->table->n_rows; row++)
            for (guint column = 0; column < block->table->n_columns; column++)
              g_string_append_printf (text, "%s%c", block->table->cells[row * block->table->n_columns + column],
                                      column + 1 < block->table->n_columns ? '\t' : '\n');
          continue;
        }

      g_string_append (text, block->text);
      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}
