/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "jihua.h"

#define POINTS_PER_MM (72.0 / 25.4)

/* Ideographs without punctuation, so that lines may break anywhere. */
static const char ideographs[] = "国家政协委员会工作计划街道社区协商调研视察提案学习培训宣传监督";

static char *
dup_ideographs (guint n)
{
  GString *text = g_string_new (NULL);
  glong length = g_utf8_strlen (ideographs, -1);

  for (guint i = 0; i < n; i++)
    {
      const char *c = g_utf8_offset_to_pointer (ideographs, i % length);

      g_string_append_len (text, c, g_utf8_next_char (c) - c);
    }

  return g_string_free (text, FALSE);
}

static JhPlan *
load_sample (void)
{
  JhPlan *plan = jh_plan_new_sample ();

  g_assert_nonnull (plan);

  return plan;
}

static const JhLayoutBlock *
find_block (JhLayout   *layout,
            const char *text)
{
  for (guint i = 0; i < jh_layout_get_n_blocks (layout); i++)
    {
      const JhLayoutBlock *block = jh_layout_get_block (layout, i);

      if (block->text != NULL && g_str_equal (block->text, text))
        return block;
    }

  return NULL;
}

static int
find_block_index (JhLayout    *layout,
                  JhBlockKind  kind)
{
  for (guint i = 0; i < jh_layout_get_n_blocks (layout); i++)
    if (jh_layout_get_block (layout, i)->kind == kind)
      return i;

  return -1;
}

static JhTask *
add_task (JhSection  *section,
          JhTask     *parent,
          const char *lead,
          const char *body)
{
  g_autoptr(JhTask) task = jh_task_new (lead);

  if (body != NULL)
    {
      g_autoptr(JhParagraph) paragraph = jh_paragraph_new (body);

      jh_task_insert_paragraph (task, -1, paragraph);
    }

  if (parent != NULL)
    jh_task_insert_subtask (parent, -1, task);
  else
    jh_section_insert_task (section, -1, task);

  return task;
}

static void
add_section_paragraph (JhSection  *section,
                       const char *text)
{
  g_autoptr(JhParagraph) paragraph = jh_paragraph_new (text);

  jh_section_insert_paragraph (section, -1, paragraph);
}

static void
test_numbering (void)
{
  g_autoptr(JhPlan) plan = load_sample ();
  g_autoptr(JhLayout) layout = jh_layout_new (plan, NULL, JH_LAYOUT_FLAGS_NONE);
  const JhLayoutBlock *block;
  g_autoptr(JhPlan) deep = jh_plan_new (2027);
  g_autoptr(JhSection) section = jh_section_new (JH_SECTION_KIND_MAIN_TASKS, "主要任务");
  g_autoptr(JhLayout) deep_layout = NULL;
  JhTask *task;

  /* The title, alone and centred. */
  block = jh_layout_get_block (layout, 0);
  g_assert_cmpint (block->kind, ==, JH_BLOCK_KIND_TITLE);
  g_assert_cmpint (block->style, ==, JH_TEXT_STYLE_TITLE);
  g_assert_cmpstr (block->text, ==, "青桥街道政协工委2027年工作计划");
  g_assert_cmpint (block->alignment, ==, JH_BLOCK_ALIGNMENT_CENTER);
  g_assert_true (block->keep_with_next);

  /* One empty line, then the preamble. */
  block = jh_layout_get_block (layout, 1);
  g_assert_cmpint (block->kind, ==, JH_BLOCK_KIND_PARAGRAPH);
  g_assert_cmpuint (block->space_before, ==, 1);
  g_assert_true (g_str_has_prefix (block->text, "2027年，青桥街道政协工委"));

  /* Section headings: 一、 in 黑体, no punctuation after. */
  block = find_block (layout, "一、指导思想");
  g_assert_nonnull (block);
  g_assert_cmpint (block->kind, ==, JH_BLOCK_KIND_HEADING);
  g_assert_cmpuint (block->level, ==, 1);
  g_assert_cmpint (block->style, ==, JH_TEXT_STYLE_HEADING_1);
  g_assert_cmpstr (block->numbering, ==, "一、");
  g_assert_true (block->keep_with_next);
  g_assert_nonnull (find_block (layout, "三、主要任务"));
  g_assert_nonnull (find_block (layout, "四、时间安排"));
  g_assert_nonnull (find_block (layout, "五、保障措施"));

  /* Tasks: numbering and lead as a sentence, the body after. */
  block = find_block (layout, "（一）加强理论学习，提高履职能力。");
  g_assert_nonnull (block);
  g_assert_cmpuint (block->level, ==, 2);
  g_assert_cmpint (block->style, ==, JH_TEXT_STYLE_HEADING_2);
  g_assert_cmpstr (block->numbering, ==, "（一）");
  g_assert_true (block[0].keep_with_next);

  block = find_block (layout, "1.办好“有事好商量”协商议事活动。");
  g_assert_nonnull (block);
  g_assert_cmpuint (block->level, ==, 3);
  g_assert_cmpint (block->style, ==, JH_TEXT_STYLE_HEADING_3);
  g_assert_nonnull (find_block (layout, "2.开展街道重点工作专题协商。"));
  g_assert_nonnull (find_block (layout, "（五）强化督查考核。"));

  /* Task metadata is not printed. */
  for (guint i = 0; i < jh_layout_get_n_blocks (layout); i++)
    g_assert_cmpstr (jh_layout_get_block (layout, i)->text, !=, "工委办公室");

  /* Level 4 and the first level of a section without a heading. */
  task = add_task (section, NULL, "加强学习", "正文一。");
  task = add_task (section, task, "集中学习，", "正文二。");
  task = add_task (section, task, "专题学习", NULL);
  add_task (section, task, "读书班；", "正文三。");
  jh_plan_insert_section (deep, -1, section);
  deep_layout = jh_layout_new (deep, NULL, JH_LAYOUT_FLAGS_NONE);

  block = find_block (deep_layout, "（一）加强学习。");
  g_assert_nonnull (block);
  g_assert_cmpuint (block->level, ==, 2);
  block = find_block (deep_layout, "1.集中学习。");
  g_assert_nonnull (block);
  g_assert_cmpuint (block->level, ==, 3);
  block = find_block (deep_layout, "（1）专题学习。");
  g_assert_nonnull (block);
  g_assert_cmpuint (block->level, ==, 4);
  g_assert_cmpint (block->style, ==, JH_TEXT_STYLE_HEADING_4);
  block = find_block (deep_layout, "①读书班。");
  g_assert_nonnull (block);
  g_assert_cmpuint (block->level, ==, 5);
  g_assert_cmpint (block->style, ==, JH_TEXT_STYLE_HEADING_4);

  jh_section_set_title (section, "");
  g_clear_object (&deep_layout);
  deep_layout = jh_layout_new (deep, NULL, JH_LAYOUT_FLAGS_NONE);
  block = find_block (deep_layout, "一、加强学习");
  g_assert_nonnull (block);
  g_assert_cmpuint (block->level, ==, 1);
}

static void
test_indentation (void)
{
  g_autoptr(JhPlan) plan = load_sample ();
  g_autoptr(JhLayout) layout = jh_layout_new (plan, NULL, JH_LAYOUT_FLAGS_NONE);
  g_autoptr(JhPageRenderer) renderer = jh_page_renderer_new (layout);
  JhPageProfile *profile = jh_layout_get_profile (layout);
  double left = jh_page_profile_get_margin_left (profile) * POINTS_PER_MM;
  double pitch = jh_page_profile_get_char_pitch (profile);
  guint n_paragraphs = 0;

  /* Every paragraph and heading stands in two characters. */
  for (guint i = 0; i < jh_layout_get_n_blocks (layout); i++)
    {
      const JhLayoutBlock *block = jh_layout_get_block (layout, i);

      if (block->kind != JH_BLOCK_KIND_PARAGRAPH && block->kind != JH_BLOCK_KIND_HEADING)
        continue;

      g_assert_cmpfloat (block->first_line_indent, ==, 2);
      g_assert_cmpfloat (block->start_indent, ==, 0);
      g_assert_cmpfloat (block->end_indent, ==, 0);
      g_assert_cmpint (block->alignment, ==, JH_BLOCK_ALIGNMENT_JUSTIFY);
      n_paragraphs++;
    }
  g_assert_cmpuint (n_paragraphs, >, 40);

  /* On the page: the first line two characters in, the others at the
   * edge of the text block.
   */
  for (guint page = 0; page < jh_page_renderer_get_n_pages (renderer); page++)
    {
      g_autoptr(GPtrArray) lines = jh_page_renderer_dup_lines (renderer, page);

      for (guint i = 0; i < lines->len; i++)
        {
          JhPageLine *line = g_ptr_array_index (lines, i);
          JhPageLine *before = i > 0 ? g_ptr_array_index (lines, i - 1) : NULL;
          const JhLayoutBlock *block;
          gboolean first;

          if (line->block < 0)
            continue;

          block = jh_layout_get_block (layout, line->block);
          if (block->kind != JH_BLOCK_KIND_PARAGRAPH && block->kind != JH_BLOCK_KIND_HEADING)
            continue;

          /* A paragraph carried over from the previous page does not
           * start with its first line.
           */
          first = (before == NULL || before->block != line->block) &&
                  g_str_has_prefix (block->text, line->text);
          g_assert_cmpfloat_with_epsilon (line->x, first ? left + 2 * pitch : left, 0.01);
        }
    }
}

/* A page of body text is 22 lines of 28 characters, each line exactly
 * as wide as the text block, one line pitch apart.
 */
static void
test_line_grid (void)
{
  g_autoptr(JhPlan) plan = jh_plan_new (2027);
  g_autoptr(JhSection) section = jh_section_new (JH_SECTION_KIND_OTHER, "");
  g_autoptr(JhLayout) layout = NULL;
  g_autoptr(JhPageRenderer) renderer = NULL;
  g_autoptr(GPtrArray) first_page = NULL;
  g_autoptr(GPtrArray) full_page = NULL;
  JhPageProfile *profile;
  g_autofree char *text = NULL;
  double left, top, width, pitch;

  /* The first page holds the title, an empty line and 20 lines of the
   * paragraph (the first two characters in); the second is all text;
   * the third the last four lines.
   */
  text = dup_ideographs (26 + 19 * 28 + 22 * 28 + 4 * 28);
  jh_plan_set_title (plan, "网格");
  add_section_paragraph (section, text);
  jh_plan_insert_section (plan, -1, section);

  layout = jh_layout_new (plan, NULL, JH_LAYOUT_FLAGS_NONE);
  renderer = jh_page_renderer_new (layout);
  profile = jh_layout_get_profile (layout);
  left = jh_page_profile_get_margin_left (profile) * POINTS_PER_MM;
  top = jh_page_profile_get_margin_top (profile) * POINTS_PER_MM;
  width = jh_page_profile_get_text_width (profile) * POINTS_PER_MM;
  pitch = jh_page_profile_get_line_pitch (profile);

  g_assert_cmpuint (jh_page_renderer_get_n_pages (renderer), ==, 3);

  first_page = jh_page_renderer_dup_lines (renderer, 0);
  /* The title, 20 lines and the page number. */
  g_assert_cmpuint (first_page->len, ==, 22);
  g_assert_cmpuint (((JhPageLine *) g_ptr_array_index (first_page, 1))->row, ==, 2);
  g_assert_cmpint (g_utf8_strlen (((JhPageLine *) g_ptr_array_index (first_page, 1))->text, -1), ==, 26);

  full_page = jh_page_renderer_dup_lines (renderer, 1);
  g_assert_cmpuint (full_page->len, ==, 22 + 1);
  for (guint i = 0; i < 22; i++)
    {
      JhPageLine *line = g_ptr_array_index (full_page, i);

      g_assert_cmpuint (line->row, ==, i);
      g_assert_cmpint (g_utf8_strlen (line->text, -1), ==, 28);
      g_assert_cmpfloat_with_epsilon (line->x, left, 1e-6);
      g_assert_cmpfloat_with_epsilon (line->width, width, 0.02);
      if (i > 0)
        g_assert_cmpfloat_with_epsilon (line->baseline - ((JhPageLine *) g_ptr_array_index (full_page, i - 1))->baseline,
                                        pitch, 1e-6);
    }

  /* The 22 lines fill the text block: the first line's em box starts at
   * its top, and the last's ends (less the half of the line pitch the
   * type does not fill) at its bottom.
   */
  g_assert_cmpfloat_with_epsilon (((JhPageLine *) g_ptr_array_index (full_page, 0))->baseline,
                                  top + (pitch - 16) / 2 + 0.88 * 16, 1e-6);
  g_assert_cmpfloat_with_epsilon (((JhPageLine *) g_ptr_array_index (full_page, 21))->baseline + 0.12 * 16 + (pitch - 16) / 2,
                                  top + jh_page_profile_get_text_height (profile) * POINTS_PER_MM, 1e-6);
  g_assert_cmpint (((JhPageLine *) g_ptr_array_index (full_page, 22))->style, ==, JH_TEXT_STYLE_PAGE_NUMBER);
}

/* Chinese line breaking: no closing punctuation at the start of a line,
 * no opening bracket at the end of one, no 破折号 or 省略号 split.
 */
static void
test_line_breaking (void)
{
  static const char * const no_start[] = {
    "。", "，", "、", "；", "：", "？", "！", "）", "」", "』", "】", "”", "’", "》", "…", NULL,
  };
  static const char * const no_end[] = { "（", "「", "『", "【", "“", "‘", "《", NULL };
  static const char * const unbroken[] = { "——", "……", NULL };
  g_autoptr(JhPlan) plan = jh_plan_new (2027);
  g_autoptr(JhSection) section = jh_section_new (JH_SECTION_KIND_OTHER, "");
  g_autoptr(JhLayout) layout = NULL;
  g_autoptr(JhPageRenderer) renderer = NULL;
  guint n_checked = 0;

  /* The first line of a paragraph holds 26 characters: put each mark
   * where a line would break if nothing stopped it.
   */
  for (guint i = 0; no_start[i] != NULL; i++)
    {
      g_autofree char *before = dup_ideographs (26);
      g_autofree char *after = dup_ideographs (30);
      g_autofree char *text = g_strconcat (before, no_start[i], after, NULL);

      add_section_paragraph (section, text);
    }
  for (guint i = 0; no_end[i] != NULL; i++)
    {
      g_autofree char *before = dup_ideographs (25);
      g_autofree char *after = dup_ideographs (30);
      g_autofree char *text = g_strconcat (before, no_end[i], after, NULL);

      add_section_paragraph (section, text);
    }
  for (guint i = 0; unbroken[i] != NULL; i++)
    {
      g_autofree char *before = dup_ideographs (25);
      g_autofree char *after = dup_ideographs (30);
      g_autofree char *text = g_strconcat (before, unbroken[i], after, NULL);

      add_section_paragraph (section, text);
    }
  jh_plan_insert_section (plan, -1, section);

  layout = jh_layout_new (plan, NULL, JH_LAYOUT_FLAGS_NONE);
  renderer = jh_page_renderer_new (layout);

  for (guint page = 0; page < jh_page_renderer_get_n_pages (renderer); page++)
    {
      g_autoptr(GPtrArray) lines = jh_page_renderer_dup_lines (renderer, page);

      for (guint i = 0; i < lines->len; i++)
        {
          JhPageLine *line = g_ptr_array_index (lines, i);

          if (line->block < 1)
            continue;

          for (guint j = 0; no_start[j] != NULL; j++)
            g_assert_false (g_str_has_prefix (line->text, no_start[j]));
          for (guint j = 0; no_end[j] != NULL; j++)
            g_assert_false (g_str_has_suffix (line->text, no_end[j]));
          g_assert_false (g_str_has_suffix (line->text, "—") && !g_str_has_suffix (line->text, "——"));
          g_assert_false (g_str_has_suffix (line->text, "…") && !g_str_has_suffix (line->text, "……"));
          n_checked++;
        }
    }

  g_assert_cmpuint (n_checked, >=, 2 * (G_N_ELEMENTS (no_start) + G_N_ELEMENTS (no_end) - 2));
}

static guint
next_random (guint *state)
{
  *state = *state * 1103515245 + 12345;

  return (*state >> 16) & 0x7fff;
}

/* No paragraph leaves one line alone at the foot or the head of a page,
 * no heading ends a page, and the sign-off is never alone.
 */
static void
test_widows_and_orphans (void)
{
  g_autoptr(JhPlan) plan = jh_plan_new (2027);
  g_autoptr(JhLayout) layout = NULL;
  g_autoptr(JhPageRenderer) renderer = NULL;
  g_autoptr(GHashTable) portions = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  GHashTableIter iter;
  gpointer value;
  guint state = 9704;
  guint n_split = 0;
  guint n_pages;
  GDate date;

  jh_plan_set_title (plan, "分页");
  jh_plan_set_organization (plan, "青桥街道政协工作委员会");
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 8, 1, 2027);
  jh_plan_set_date (plan, &date);

  for (guint s = 0; s < 6; s++)
    {
      g_autoptr(JhSection) section = jh_section_new (JH_SECTION_KIND_OTHER, "章节");

      for (guint t = 0; t < 4; t++)
        {
          JhTask *task = add_task (section, NULL, "任务", NULL);
          guint n_paragraphs = 1 + next_random (&state) % 3;

          for (guint p = 0; p < n_paragraphs; p++)
            {
              g_autofree char *text = dup_ideographs (10 + next_random (&state) % 150);
              g_autoptr(JhParagraph) paragraph = jh_paragraph_new (text);

              jh_task_insert_paragraph (task, -1, paragraph);
            }
        }
      jh_plan_insert_section (plan, -1, section);
    }

  layout = jh_layout_new (plan, NULL, JH_LAYOUT_FLAGS_NONE);
  renderer = jh_page_renderer_new (layout);
  n_pages = jh_page_renderer_get_n_pages (renderer);
  g_assert_cmpuint (n_pages, >, 4);

  for (guint page = 0; page < n_pages; page++)
    {
      g_autoptr(GPtrArray) lines = jh_page_renderer_dup_lines (renderer, page);
      JhPageLine *last = NULL;
      int block = -1;

      for (guint i = 0; i < lines->len; i++)
        {
          JhPageLine *line = g_ptr_array_index (lines, i);
          GArray *counts;

          if (line->block < 0)
            continue;
          last = line;

          /* How many lines of each block each page has. */
          counts = g_hash_table_lookup (portions, GINT_TO_POINTER (line->block));
          if (counts == NULL)
            {
              counts = g_array_new (FALSE, TRUE, sizeof (guint));
              g_hash_table_insert (portions, GINT_TO_POINTER (line->block), counts);
            }
          if (line->block != block)
            g_array_set_size (counts, counts->len + 1);
          g_array_index (counts, guint, counts->len - 1)++;
          block = line->block;
        }

      g_assert_nonnull (last);
      if (page + 1 < n_pages)
        {
          JhBlockKind kind = jh_layout_get_block (layout, last->block)->kind;

          g_assert_cmpint (kind, !=, JH_BLOCK_KIND_HEADING);
          g_assert_cmpint (kind, !=, JH_BLOCK_KIND_TITLE);
        }
      else
        {
          /* The last page ends with the sign-off, after lines of text. */
          g_assert_cmpint (jh_layout_get_block (layout, last->block)->kind, ==, JH_BLOCK_KIND_SIGNOFF_DATE);
          g_assert_cmpuint (lines->len, >=, 5);
        }
    }

  /* A paragraph on more than one page has at least two lines on each. */
  g_hash_table_iter_init (&iter, portions);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GArray *counts = value;

      if (counts->len < 2)
        continue;

      n_split++;
      for (guint i = 0; i < counts->len; i++)
        g_assert_cmpuint (g_array_index (counts, guint, i), >=, 2);
    }
  g_test_message ("%u paragraphs are split across pages", n_split);
  g_assert_cmpuint (n_split, >, 0);
}

static void
test_signoff (void)
{
  g_autoptr(JhPlan) plan = load_sample ();
  g_autoptr(JhLayout) layout = jh_layout_new (plan, NULL, JH_LAYOUT_FLAGS_NONE);
  g_autoptr(JhPageRenderer) renderer = jh_page_renderer_new (layout);
  JhPageProfile *profile = jh_layout_get_profile (layout);
  double left = jh_page_profile_get_margin_left (profile) * POINTS_PER_MM;
  double width = jh_page_profile_get_text_width (profile) * POINTS_PER_MM;
  double pitch = jh_page_profile_get_char_pitch (profile);
  int organization_index = find_block_index (layout, JH_BLOCK_KIND_SIGNOFF_ORGANIZATION);
  const JhLayoutBlock *organization = jh_layout_get_block (layout, organization_index);
  const JhLayoutBlock *date = jh_layout_get_block (layout, organization_index + 1);
  guint last_page = jh_page_renderer_get_n_pages (renderer) - 1;
  g_autoptr(GPtrArray) lines = jh_page_renderer_dup_lines (renderer, last_page);
  JhPageLine *body_line = NULL;
  JhPageLine *organization_line = NULL;
  JhPageLine *date_line = NULL;
  g_autoptr(JhPlan) short_plan = NULL;
  g_autoptr(JhLayout) short_layout = NULL;

  /* The organization two characters from the right, one empty line
   * after the text; the date on the next line, two characters right of
   * the organization's start: 11 characters end 2 from the right, so the
   * date of 6 (2027年1月8日: four half-width digits) ends 5 from it.
   */
  g_assert_cmpstr (organization->text, ==, "青桥街道政协工作委员会");
  g_assert_cmpint (organization->style, ==, JH_TEXT_STYLE_SIGNOFF);
  g_assert_cmpint (organization->alignment, ==, JH_BLOCK_ALIGNMENT_END);
  g_assert_cmpfloat (organization->end_indent, ==, 2);
  g_assert_cmpuint (organization->space_before, ==, 1);
  g_assert_true (organization->keep_with_next);
  g_assert_true (jh_layout_get_block (layout, organization_index - 1)->keep_with_next);
  g_assert_cmpint (date->kind, ==, JH_BLOCK_KIND_SIGNOFF_DATE);
  g_assert_cmpstr (date->text, ==, "2027年1月8日");
  g_assert_cmpfloat (jh_text_measure_chars (date->text), ==, 6);
  g_assert_cmpfloat (date->end_indent, ==, 5);
  g_assert_cmpuint (date->space_before, ==, 0);

  /* On the page. */
  for (guint i = 0; i < lines->len; i++)
    {
      JhPageLine *line = g_ptr_array_index (lines, i);

      if (line->block == organization_index)
        organization_line = line;
      else if (line->block == organization_index + 1)
        date_line = line;
      else if (line->block >= 0 && organization_line == NULL)
        body_line = line;
    }
  g_assert_nonnull (body_line);
  g_assert_nonnull (organization_line);
  g_assert_nonnull (date_line);
  g_assert_cmpuint (organization_line->row, ==, body_line->row + 2);
  g_assert_cmpuint (date_line->row, ==, organization_line->row + 1);
  g_assert_cmpfloat_with_epsilon (organization_line->x + organization_line->width, left + width - 2 * pitch, 0.5);
  g_assert_cmpfloat_with_epsilon (date_line->x, organization_line->x + 2 * pitch, 1e-6);

  /* A date longer than the organization ends two characters from the
   * right, and the organization moves left to start two before it.
   */
  short_plan = jh_plan_new (2027);
  jh_plan_set_title (short_plan, "短");
  jh_plan_set_signoff_organization (short_plan, "工委");
  jh_plan_set_signoff_date (short_plan, jh_plan_get_date (plan));
  short_layout = jh_layout_new (short_plan, NULL, JH_LAYOUT_FLAGS_NONE);
  organization_index = find_block_index (short_layout, JH_BLOCK_KIND_SIGNOFF_ORGANIZATION);
  organization = jh_layout_get_block (short_layout, organization_index);
  date = jh_layout_get_block (short_layout, organization_index + 1);
  g_assert_cmpfloat (date->end_indent, ==, 2);
  g_assert_cmpfloat (organization->end_indent + 2, ==, date->end_indent + 6 + 2);
}

static void
test_title_break (void)
{
  g_autoptr(JhPlan) plan = jh_plan_new (2027);
  g_autoptr(JhLayout) layout = NULL;
  g_autoptr(JhLayout) long_layout = NULL;
  const JhLayoutBlock *block;
  g_auto(GStrv) lines = NULL;

  /* 20 characters of 22 pt fit in 156 mm; this title has 24. */
  jh_plan_set_organization (plan, "中国人民政治协商会议青桥街道工作委员会");
  jh_plan_set_title (plan, "中国人民政治协商会议青桥街道工作委员会2027年工作要点");
  layout = jh_layout_new (plan, NULL, JH_LAYOUT_FLAGS_NONE);
  block = jh_layout_get_block (layout, 0);
  g_assert_cmpstr (block->text, ==, "中国人民政治协商会议青桥街道工作委员会\n2027年工作要点");

  /* No word end gives lines that fit: lines of equal length. */
  jh_plan_set_organization (plan, "");
  jh_plan_set_title (plan, "关于进一步加强和改进新时代街道社区基层协商民主建设工作推进基层治理体系和治理能力现代化的实施方案");
  long_layout = jh_layout_new (plan, NULL, JH_LAYOUT_FLAGS_NONE);
  block = jh_layout_get_block (long_layout, 0);
  lines = g_strsplit (block->text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpfloat (jh_text_measure_chars (lines[i]), <=, 20);
      g_assert_cmpfloat (jh_text_measure_chars (lines[i]), >=, 14);
    }
}

static void
test_schedule_table (void)
{
  g_autoptr(JhPlan) plan = load_sample ();
  g_autoptr(JhLayout) as_written = jh_layout_new (plan, NULL, JH_LAYOUT_FLAGS_NONE);
  g_autoptr(JhLayout) layout = jh_layout_new (plan, NULL, JH_LAYOUT_SCHEDULE_AS_TABLE);
  g_autoptr(JhPageRenderer) renderer = NULL;
  const JhLayoutBlock *heading = find_block (layout, "四、时间安排");
  int index = find_block_index (layout, JH_BLOCK_KIND_TABLE);
  const JhLayoutBlock *block;
  const JhLayoutTable *table;
  double total = 0;
  guint n_heading_cells = 0;

  /* As written, the schedule is its paragraphs. */
  g_assert_cmpint (find_block_index (as_written, JH_BLOCK_KIND_TABLE), ==, -1);
  g_assert_nonnull (find_block (as_written, "全年：委员工作室每月开展1次接待活动，委员每月报送社情民意信息不少于1条，工委办公室及时做好宣传报道工作。"));

  g_assert_nonnull (heading);
  g_assert_cmpint (index, >, 0);
  g_assert_true (jh_layout_get_block (layout, index - 1) == heading);
  g_assert_null (find_block (layout, "全年：委员工作室每月开展1次接待活动，委员每月报送社情民意信息不少于1条，工委办公室及时做好宣传报道工作。"));

  block = jh_layout_get_block (layout, index);
  table = block->table;
  g_assert_cmpuint (table->n_columns, ==, 4);
  g_assert_cmpuint (table->n_heading_rows, ==, 1);
  g_assert_cmpstr (table->cells[0], ==, "序号");
  g_assert_cmpstr (table->cells[1], ==, "工作内容");
  g_assert_cmpstr (table->cells[2], ==, "时间");
  g_assert_cmpstr (table->cells[3], ==, "牵头单位");
  g_assert_cmpstr (table->cells[4], ==, "1");
  g_assert_cmpstr (table->cells[5], ==, "加强理论学习，提高履职能力");
  g_assert_cmpstr (table->cells[6], ==, "每季度");
  g_assert_cmpstr (table->cells[7], ==, "工委办公室");
  /* The main tasks and their sub-tasks, not the safeguards. */
  g_assert_cmpuint (table->n_rows, ==, 1 + 15);
  for (guint i = 0; i < table->n_columns; i++)
    total += table->column_widths[i];
  g_assert_cmpfloat (total, ==, 28);

  /* The heading row is repeated on each page the table runs onto. */
  renderer = jh_page_renderer_new (layout);
  for (guint page = 0; page < jh_page_renderer_get_n_pages (renderer); page++)
    {
      g_autoptr(GPtrArray) lines = jh_page_renderer_dup_lines (renderer, page);

      for (guint i = 0; i < lines->len; i++)
        {
          JhPageLine *line = g_ptr_array_index (lines, i);

          if (line->style == JH_TEXT_STYLE_TABLE_HEADING && g_str_equal (line->text, "序号"))
            n_heading_cells++;
        }
    }
  g_assert_cmpuint (n_heading_cells, >=, 2);
}

static void
test_attachments (void)
{
  g_autoptr(JhPlan) plan = load_sample ();
  g_autoptr(JhSection) contacts = jh_section_new (JH_SECTION_KIND_ATTACHMENT, "委员联系方式");
  g_autoptr(JhSection) calendar = jh_section_new (JH_SECTION_KIND_ATTACHMENT, "全年活动日程");
  g_autoptr(JhLayout) layout = NULL;
  g_autoptr(JhPageRenderer) renderer = NULL;
  const JhLayoutBlock *block;
  int note;
  int label;
  gboolean found = FALSE;

  add_section_paragraph (contacts, "各委员小组组长联系方式另行印发。");
  add_section_paragraph (calendar, "以区政协通知为准。");
  jh_plan_insert_section (plan, 3, contacts);
  jh_plan_insert_section (plan, -1, calendar);

  layout = jh_layout_new (plan, NULL, JH_LAYOUT_FLAGS_NONE);

  /* After the body, before the sign-off: the list, two characters in,
   * later names under the first.
   */
  note = find_block_index (layout, JH_BLOCK_KIND_ATTACHMENT_NOTE);
  block = jh_layout_get_block (layout, note);
  g_assert_cmpstr (block->text, ==, "附件：1.委员联系方式");
  g_assert_cmpuint (block->space_before, ==, 1);
  g_assert_cmpfloat (block->start_indent + block->first_line_indent, ==, 2);
  block = jh_layout_get_block (layout, note + 1);
  g_assert_cmpstr (block->text, ==, "2.全年活动日程");
  g_assert_cmpfloat (block->start_indent + block->first_line_indent, ==, 5);
  g_assert_cmpint (jh_layout_get_block (layout, note + 2)->kind, ==, JH_BLOCK_KIND_SIGNOFF_ORGANIZATION);

  /* The attachment itself, on a page of its own: the label on the first
   * line, the title on the third.
   */
  label = find_block_index (layout, JH_BLOCK_KIND_ATTACHMENT_LABEL);
  block = jh_layout_get_block (layout, label);
  g_assert_cmpstr (block->text, ==, "附件1");
  g_assert_true (block->page_break_before);
  g_assert_cmpint (block->style, ==, JH_TEXT_STYLE_ATTACHMENT_LABEL);
  block = jh_layout_get_block (layout, label + 1);
  g_assert_cmpstr (block->text, ==, "委员联系方式");
  g_assert_cmpint (block->kind, ==, JH_BLOCK_KIND_ATTACHMENT_TITLE);
  g_assert_cmpstr (jh_layout_get_block (layout, label + 2)->text, ==, "各委员小组组长联系方式另行印发。");
  g_assert_null (find_block (layout, "附件"));

  renderer = jh_page_renderer_new (layout);
  for (guint page = 0; page < jh_page_renderer_get_n_pages (renderer); page++)
    {
      g_autoptr(GPtrArray) lines = jh_page_renderer_dup_lines (renderer, page);
      JhPageLine *first = g_ptr_array_index (lines, 0);

      if (first->block == label)
        {
          JhPageLine *title = g_ptr_array_index (lines, 1);

          g_assert_cmpuint (first->row, ==, 0);
          g_assert_cmpuint (title->row, ==, 2);
          g_assert_cmpuint (((JhPageLine *) g_ptr_array_index (lines, 2))->row, ==, 4);
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static void
test_text (void)
{
  g_autoptr(JhPlan) plan = load_sample ();
  g_autoptr(JhLayout) layout = jh_layout_new (plan, NULL, JH_LAYOUT_FLAGS_NONE);
  g_autofree char *text = jh_layout_dup_text (layout);
  GListModel *sections = jh_plan_get_sections (plan);

  g_assert_cmpstr (jh_layout_get_title (layout), ==, "青桥街道政协工委2027年工作计划");
  g_assert_cmpstr (jh_layout_get_author (layout), ==, "青桥街道政协工作委员会");
  g_assert_cmpstr (jh_layout_get_subject (layout), ==, "2027年工作计划");
  g_assert_nonnull (jh_layout_get_date (layout));

  /* Every paragraph of the plan is in the layout. */
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JhSection) section = g_list_model_get_item (sections, i);
      GListModel *paragraphs = jh_section_get_paragraphs (section);

      for (guint j = 0; j < g_list_model_get_n_items (paragraphs); j++)
        {
          g_autoptr(JhParagraph) paragraph = g_list_model_get_item (paragraphs, j);

          g_assert_nonnull (strstr (text, jh_paragraph_get_text (paragraph)));
        }
    }
}

/* The width of @text set alone, as the page renderer sets it: at 72
 * dpi, unhinted.
 */
static double
measure_text (const char *family,
              double      size,
              const char *text)
{
  g_autoptr(PangoFontMap) font_map = pango_cairo_font_map_new ();
  PangoContext *context;
  PangoLayout *layout;
  PangoFontDescription *font = pango_font_description_new ();
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoRectangle logical;

  pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (font_map), 72);
  context = pango_font_map_create_context (font_map);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string ("zh-cn"));

  pango_font_description_set_family (font, family);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  layout = pango_layout_new (context);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  g_object_unref (layout);
  g_object_unref (context);

  return (double) logical.width / PANGO_SCALE;
}

/* Page numbers: "— 1 —" with 一字线, full-em dashes, around half-width
 * digits; odd pages at the right and even at the left, one character
 * in; the middle of the em box 7 mm below the text block.
 */
static void
test_page_number (void)
{
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  g_autoptr(JhLayout) layout = jh_layout_new (plan, NULL, JH_LAYOUT_FLAGS_NONE);
  g_autoptr(JhPageRenderer) renderer = jh_page_renderer_new (layout);
  JhPageProfile *profile = jh_layout_get_profile (layout);
  double size = jh_page_profile_get_page_number_size (profile);
  double mm = 72.0 / 25.4;
  double left = jh_page_profile_get_margin_left (profile) * mm;
  double right = left + jh_page_profile_get_text_width (profile) * mm;
  double bottom = (jh_page_profile_get_margin_top (profile) + jh_page_profile_get_text_height (profile)) * mm;

  const char *family = jh_page_renderer_get_family (renderer, JH_TEXT_STYLE_PAGE_NUMBER);

  g_assert_cmpuint (jh_page_renderer_get_n_pages (renderer), >=, 2);
  g_assert_cmpfloat (size, ==, 14);

  for (guint page = 0; page < 2; page++)
    {
      g_autoptr(GPtrArray) lines = jh_page_renderer_dup_lines (renderer, page);
      JhPageLine *number = g_ptr_array_index (lines, lines->len - 1);
      g_autofree char *expected = g_strdup_printf ("— %u —", page + 1);
      g_autofree char *inner = NULL;

      g_assert_cmpint (number->block, ==, -1);
      g_assert_cmpstr (number->text, ==, expected);

      /* Two dashes of an em each around the spaces and the digits. */
      g_test_message ("page number width %.2f pt", number->width);
      inner = g_strdup_printf (" %u ", page + 1);
      g_assert_cmpfloat_with_epsilon (number->width - measure_text (family, size, inner), 2 * size, 0.5);

      if (page % 2 == 0)
        g_assert_cmpfloat_with_epsilon (number->x + number->width, right - size, 0.5);
      else
        g_assert_cmpfloat_with_epsilon (number->x, left + size, 0.5);

      /* The baseline is 0.38 em under the middle of the em box. */
      g_assert_cmpfloat_with_epsilon (number->baseline - 0.38 * size, bottom + 7 * mm, 0.5);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jihua/layout/numbering", test_numbering);
  g_test_add_func ("/jihua/layout/indentation", test_indentation);
  g_test_add_func ("/jihua/layout/line-grid", test_line_grid);
  g_test_add_func ("/jihua/layout/line-breaking", test_line_breaking);
  g_test_add_func ("/jihua/layout/widows-and-orphans", test_widows_and_orphans);
  g_test_add_func ("/jihua/layout/signoff", test_signoff);
  g_test_add_func ("/jihua/layout/page-number", test_page_number);
  g_test_add_func ("/jihua/layout/title-break", test_title_break);
  g_test_add_func ("/jihua/layout/schedule-table", test_schedule_table);
  g_test_add_func ("/jihua/layout/attachments", test_attachments);
  g_test_add_func ("/jihua/layout/text", test_text);

  return g_test_run ();
}
