/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jihua.h"

/* Helpers */

/* The item at @position of @model, borrowed: the model keeps it alive. */
static gpointer
nth_item (GListModel *model,
          guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);

  return item;
}

static JhTask *
find_task_in (GListModel *tasks,
              const char *lead)
{
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      JhTask *task = nth_item (tasks, i);
      JhTask *found;

      if (g_str_equal (jh_task_get_lead (task), lead))
        return task;

      found = find_task_in (jh_task_get_subtasks (task), lead);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Finds a task anywhere in @plan by its lead sentence. */
static JhTask *
find_task (JhPlan     *plan,
           const char *lead)
{
  GListModel *sections = jh_plan_get_sections (plan);

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      JhSection *section = nth_item (sections, i);
      JhTask *task = find_task_in (jh_section_get_tasks (section), lead);

      if (task != NULL)
        return task;
    }

  g_error ("No task “%s” in the plan", lead);
}

static JhSection *
add_section (JhPlan        *plan,
             JhSectionKind  kind,
             const char    *title)
{
  g_autoptr(JhSection) section = jh_section_new (kind, title);

  jh_plan_insert_section (plan, -1, section);

  return section;
}

static JhTask *
add_task (JhSection  *section,
          JhTask     *parent,
          const char *lead)
{
  g_autoptr(JhTask) task = jh_task_new (lead);

  if (parent != NULL)
    jh_task_insert_subtask (parent, -1, task);
  else
    jh_section_insert_task (section, -1, task);

  return task;
}

static JhParagraph *
add_task_paragraph (JhTask     *task,
                    const char *text)
{
  g_autoptr(JhParagraph) paragraph = jh_paragraph_new (text);

  jh_task_insert_paragraph (task, -1, paragraph);

  return paragraph;
}

static JhParagraph *
add_section_paragraph (JhSection  *section,
                       const char *text)
{
  g_autoptr(JhParagraph) paragraph = jh_paragraph_new (text);

  jh_section_insert_paragraph (section, -1, paragraph);

  return paragraph;
}

/* A plan with the parts plans have, built the way an editor builds one:
 *
 *   (preamble)                 no number
 *   一、指导思想
 *   (untitled "other")         no number; tasks u1, u2 > u2a > u2a1 > u2a1a
 *   二、主要任务               tasks t1, t2 > (t2a, t2b > t2b1 > t2b1a), t3
 *   三、时间安排
 *   四、保障措施
 *   附件                       no number
 */
static JhPlan *
build_plan (void)
{
  JhPlan *plan = jh_plan_new (2027);
  g_autoptr(JhProvenance) clause = jh_provenance_new ("cppcc/guiding-ideology", 3, NULL, 0);
  g_autoptr(JhProvenance) carried = jh_provenance_new (NULL, 0, "2026年工作计划.jhplan", 2026);
  g_autoptr(JhTarget) target = jh_target_new ("调研", JH_COMPARISON_AT_LEAST, 3, "次");
  JhSection *section;
  JhTask *task;
  JhTask *t2;
  JhTask *t2b;
  JhTask *u2;

  jh_plan_set_title (plan, "青桥街道政协工委2027年工作计划");
  jh_plan_set_organization (plan, "青桥街道政协工作委员会");

  section = add_section (plan, JH_SECTION_KIND_PREAMBLE, NULL);
  add_section_paragraph (section, "2027年，青桥街道政协工委将……现制定本计划。");

  section = add_section (plan, JH_SECTION_KIND_GUIDING_IDEOLOGY, NULL);
  jh_paragraph_set_provenance (add_section_paragraph (section, "以习近平新时代中国特色社会主义思想为指导……"), clause);
  add_section_paragraph (section, "坚持围绕中心、服务大局……");

  section = add_section (plan, JH_SECTION_KIND_OTHER, "");
  add_task (section, NULL, "u1");
  u2 = add_task (section, NULL, "u2");
  task = add_task (section, u2, "u2a");
  task = add_task (section, task, "u2a1");
  add_task (section, task, "u2a1a");

  section = add_section (plan, JH_SECTION_KIND_MAIN_TASKS, NULL);
  task = add_task (section, NULL, "t1");
  jh_task_set_owner (task, "工委办公室");
  jh_task_set_timing (task, "每季度");
  jh_task_set_provenance (task, carried);
  jh_task_insert_target (task, -1, target);
  add_task_paragraph (task, "一是……二是……三是……");
  t2 = add_task (section, NULL, "t2");
  add_task (section, t2, "t2a");
  t2b = add_task (section, t2, "t2b");
  task = add_task (section, t2b, "t2b1");
  task = add_task (section, task, "t2b1a");
  add_task_paragraph (task, "第四层任务的正文。");
  add_task (section, NULL, "t3");

  section = add_section (plan, JH_SECTION_KIND_SCHEDULE, NULL);
  add_section_paragraph (section, "第一季度：……");

  add_section (plan, JH_SECTION_KIND_SAFEGUARDS, NULL);
  add_section (plan, JH_SECTION_KIND_ATTACHMENT, "附件");

  return plan;
}

static void
assert_task_numbering (JhTask     *task,
                       const char *expected)
{
  g_autofree char *numbering = jh_task_dup_numbering (task);

  g_assert_cmpstr (numbering, ==, expected);
}

static void
assert_section_numbering (JhSection  *section,
                          const char *expected)
{
  g_autofree char *numbering = jh_section_dup_numbering (section);

  g_assert_cmpstr (numbering, ==, expected);
}

static void
assert_task_path (JhTask     *task,
                  const char *expected)
{
  g_autofree char *path = jh_task_dup_path (task);

  g_assert_cmpstr (path, ==, expected);
}

static void
count_cb (JhNode *node,
          guint  *count)
{
  (*count)++;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* Building */

static void
test_build (void)
{
  g_autoptr(JhPlan) plan = build_plan ();
  GListModel *sections = jh_plan_get_sections (plan);
  JhSection *main_tasks = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  JhTask *t1 = find_task (plan, "t1");
  JhTask *t2b1a = find_task (plan, "t2b1a");
  JhTarget *target;

  g_assert_cmpuint (jh_plan_get_year (plan), ==, 2027);
  g_assert_cmpint (jh_plan_get_kind (plan), ==, JH_DOCUMENT_KIND_PLAN);
  g_assert_cmpint (jh_plan_get_status (plan), ==, JH_PLAN_STATUS_DRAFT);
  g_assert_cmpuint (g_list_model_get_n_items (sections), ==, 7);

  /* A section made without a title gets the usual one of its kind. */
  g_assert_cmpstr (jh_section_get_title (nth_item (sections, 1)), ==, "指导思想");
  g_assert_cmpstr (jh_section_get_title (main_tasks), ==, "主要任务");
  g_assert_cmpstr (jh_section_get_title (nth_item (sections, 0)), ==, "");

  /* Each part knows where it is. */
  g_assert_true (jh_section_get_plan (main_tasks) == plan);
  g_assert_true (jh_task_get_section (t2b1a) == main_tasks);
  g_assert_true (jh_node_get_root (JH_NODE (t2b1a)) == JH_NODE (plan));
  g_assert_cmpstr (jh_task_get_lead (jh_task_get_parent_task (t2b1a)), ==, "t2b1");
  g_assert_null (jh_task_get_parent_task (t1));
  g_assert_true (jh_node_get_parent (JH_NODE (t1)) == JH_NODE (main_tasks));
  g_assert_cmpuint (jh_task_get_depth (t1), ==, 1);
  g_assert_cmpuint (jh_task_get_depth (t2b1a), ==, 4);
  g_assert_cmpuint (jh_task_get_height (find_task (plan, "t2")), ==, 4);
  g_assert_cmpuint (jh_task_get_height (t2b1a), ==, 1);

  /* What was put in is what comes out. */
  g_assert_cmpstr (jh_task_get_owner (t1), ==, "工委办公室");
  g_assert_cmpstr (jh_task_get_timing (t1), ==, "每季度");
  g_assert_cmpstr (jh_task_get_participants (t1), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (jh_task_get_targets (t1)), ==, 1);
  target = nth_item (jh_task_get_targets (t1), 0);
  g_assert_cmpstr (jh_target_get_metric (target), ==, "调研");
  g_assert_cmpfloat (jh_target_get_number (target), ==, 3);
  g_assert_cmpstr (jh_target_get_unit (target), ==, "次");
  g_assert_true (jh_node_get_parent (JH_NODE (target)) == JH_NODE (t1));

  g_assert_nonnull (jh_task_get_provenance (t1));
  g_assert_cmpstr (jh_provenance_get_source (jh_task_get_provenance (t1)), ==, "2026年工作计划.jhplan");
  g_assert_cmpuint (jh_provenance_get_source_year (jh_task_get_provenance (t1)), ==, 2026);
  g_assert_null (jh_provenance_get_clause_id (jh_task_get_provenance (t1)));
  g_assert_null (jh_task_get_provenance (t2b1a));
}

static void
test_provenance (void)
{
  g_autoptr(JhProvenance) clause = jh_provenance_new ("cppcc/guiding-ideology", 3, NULL, 0);
  g_autoptr(JhProvenance) same = jh_provenance_new ("cppcc/guiding-ideology", 3, "", 0);
  g_autoptr(JhProvenance) newer = jh_provenance_new ("cppcc/guiding-ideology", 4, NULL, 0);
  g_autoptr(JhProvenance) nothing = jh_provenance_new (NULL, 7, "", 0);

  g_assert_cmpstr (jh_provenance_get_clause_id (clause), ==, "cppcc/guiding-ideology");
  g_assert_cmpuint (jh_provenance_get_clause_version (clause), ==, 3);
  g_assert_true (jh_provenance_equal (clause, same));
  g_assert_false (jh_provenance_equal (clause, newer));
  g_assert_false (jh_provenance_equal (clause, NULL));

  /* Nothing known about the origin is no provenance at all. */
  g_assert_null (nothing);
}

/* Numbering */

static void
test_numbering_sections (void)
{
  g_autoptr(JhPlan) plan = build_plan ();
  GListModel *sections = jh_plan_get_sections (plan);

  /* The preamble, untitled sections and the attachment are skipped. */
  assert_section_numbering (nth_item (sections, 0), NULL);
  assert_section_numbering (nth_item (sections, 1), "一、");
  assert_section_numbering (nth_item (sections, 2), NULL);
  assert_section_numbering (nth_item (sections, 3), "二、");
  assert_section_numbering (nth_item (sections, 4), "三、");
  assert_section_numbering (nth_item (sections, 5), "四、");
  assert_section_numbering (nth_item (sections, 6), NULL);

  g_assert_false (jh_section_is_numbered (nth_item (sections, 0)));
  g_assert_cmpuint (jh_section_get_number (nth_item (sections, 0)), ==, 0);
  g_assert_cmpuint (jh_section_get_number (nth_item (sections, 5)), ==, 4);
}

static void
test_numbering_sections_update (void)
{
  g_autoptr(JhPlan) plan = build_plan ();
  g_autoptr(JhSection) guiding = g_object_ref (jh_plan_find_section (plan, JH_SECTION_KIND_GUIDING_IDEOLOGY));
  JhSection *main_tasks = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  JhSection *safeguards = jh_plan_find_section (plan, JH_SECTION_KIND_SAFEGUARDS);
  JhSection *untitled = nth_item (jh_plan_get_sections (plan), 2);

  assert_section_numbering (main_tasks, "二、");

  g_assert_true (jh_plan_remove_section (plan, guiding));
  assert_section_numbering (main_tasks, "一、");
  assert_section_numbering (safeguards, "三、");

  /* Put back in front of everything, even the preamble. */
  jh_plan_insert_section (plan, 0, guiding);
  assert_section_numbering (guiding, "一、");
  assert_section_numbering (main_tasks, "二、");

  g_assert_true (jh_plan_move_section (plan, safeguards, 0));
  assert_section_numbering (safeguards, "一、");
  assert_section_numbering (guiding, "二、");
  assert_section_numbering (main_tasks, "三、");

  /* Giving the untitled section a heading gives it a number. */
  jh_section_set_title (untitled, "工作目标");
  g_assert_true (jh_section_is_numbered (untitled));
  assert_section_numbering (untitled, "三、");
  assert_section_numbering (main_tasks, "四、");

  jh_section_set_title (untitled, "");
  assert_section_numbering (untitled, NULL);
  assert_section_numbering (main_tasks, "三、");

  /* A move past the end is refused and changes nothing. */
  g_assert_false (jh_plan_move_section (plan, main_tasks, 100));
  assert_section_numbering (main_tasks, "三、");
}

static void
test_numbering_tasks_numbered_section (void)
{
  g_autoptr(JhPlan) plan = build_plan ();

  /* Below 二、主要任务 the tasks start at the second level. */
  assert_task_numbering (find_task (plan, "t1"), "（一）");
  assert_task_numbering (find_task (plan, "t2"), "（二）");
  assert_task_numbering (find_task (plan, "t3"), "（三）");
  assert_task_numbering (find_task (plan, "t2a"), "1.");
  assert_task_numbering (find_task (plan, "t2b"), "2.");
  assert_task_numbering (find_task (plan, "t2b1"), "（1）");
  assert_task_numbering (find_task (plan, "t2b1a"), "①");

  g_assert_cmpuint (jh_task_get_heading_level (find_task (plan, "t1")), ==, 2);
  g_assert_cmpuint (jh_task_get_heading_level (find_task (plan, "t2a")), ==, 3);
  g_assert_cmpuint (jh_task_get_heading_level (find_task (plan, "t2b1")), ==, 4);
  g_assert_cmpuint (jh_task_get_heading_level (find_task (plan, "t2b1a")), ==, 5);
}

static void
test_numbering_tasks_untitled_section (void)
{
  g_autoptr(JhPlan) plan = build_plan ();
  JhSection *untitled = nth_item (jh_plan_get_sections (plan), 2);

  /* Without a section heading the tasks are the first level. */
  assert_task_numbering (find_task (plan, "u1"), "一、");
  assert_task_numbering (find_task (plan, "u2"), "二、");
  assert_task_numbering (find_task (plan, "u2a"), "（一）");
  assert_task_numbering (find_task (plan, "u2a1"), "1.");
  assert_task_numbering (find_task (plan, "u2a1a"), "（1）");

  g_assert_cmpuint (jh_task_get_heading_level (find_task (plan, "u1")), ==, 1);
  g_assert_cmpuint (jh_task_get_heading_level (find_task (plan, "u2a1a")), ==, 4);

  /* The numbers follow the section's heading as soon as it has one. */
  jh_section_set_title (untitled, "工作目标");
  assert_task_numbering (find_task (plan, "u1"), "（一）");
  assert_task_numbering (find_task (plan, "u2a"), "1.");
  g_assert_cmpuint (jh_task_get_heading_level (find_task (plan, "u1")), ==, 2);
}

static void
test_numbering_tasks_update (void)
{
  g_autoptr(JhPlan) plan = build_plan ();
  g_autoptr(JhTask) first = jh_task_new ("新任务");
  JhSection *main_tasks = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  JhTask *t1 = find_task (plan, "t1");
  JhTask *t2 = find_task (plan, "t2");
  JhTask *t3 = find_task (plan, "t3");
  JhTask *t2a = find_task (plan, "t2a");
  JhTask *t2b = find_task (plan, "t2b");

  jh_section_insert_task (main_tasks, 0, first);
  assert_task_numbering (first, "（一）");
  assert_task_numbering (t1, "（二）");
  assert_task_numbering (t2, "（三）");
  assert_task_numbering (t3, "（四）");
  assert_task_numbering (t2a, "1.");

  g_assert_true (jh_section_remove_task (main_tasks, first));
  assert_task_numbering (t1, "（一）");
  assert_task_numbering (t3, "（三）");

  g_assert_true (jh_section_move_task (main_tasks, t3, 0));
  assert_task_numbering (t3, "（一）");
  assert_task_numbering (t1, "（二）");
  assert_task_numbering (t2, "（三）");

  g_assert_true (jh_task_move_subtask (t2, t2b, 0));
  assert_task_numbering (t2b, "1.");
  assert_task_numbering (t2a, "2.");
  assert_task_numbering (find_task (plan, "t2b1"), "（1）");

  /* Moves that make no sense are refused and change nothing. */
  g_assert_false (jh_section_move_task (main_tasks, t2a, 0));
  g_assert_false (jh_task_move_subtask (t2, t2b, 2));
  g_assert_false (jh_task_move_subtask (t2, t1, 0));
  assert_task_numbering (t2b, "1.");
  assert_task_numbering (t2a, "2.");
}

static void
test_numbering_path (void)
{
  g_autoptr(JhPlan) plan = build_plan ();
  g_autoptr(JhTask) lonely = jh_task_new ("无处安放");
  JhSection *main_tasks = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  JhTask *t2 = find_task (plan, "t2");
  JhTask *t2b1a = find_task (plan, "t2b1a");

  assert_task_path (find_task (plan, "t1"), "1");
  assert_task_path (find_task (plan, "t2a"), "2.1");
  assert_task_path (t2b1a, "2.2.1.1");
  assert_task_path (find_task (plan, "u2a1a"), "2.1.1.1");

  g_assert_true (jh_task_move_subtask (t2, find_task (plan, "t2b"), 0));
  assert_task_path (t2b1a, "2.1.1.1");

  g_assert_true (jh_section_move_task (main_tasks, t2, 2));
  assert_task_path (t2b1a, "3.1.1.1");

  assert_task_path (lonely, "1");
}

/* Depth */

/* A chain of @n tasks, each the only sub-task of the one before. */
static JhTask *
build_chain (const char *prefix,
             guint       n,
             JhTask    **deepest)
{
  JhTask *top = NULL;
  JhTask *parent = NULL;

  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *lead = g_strdup_printf ("%s%u", prefix, i);
      JhTask *task = jh_task_new (lead);

      if (parent == NULL)
        top = task;
      else
        {
          jh_task_insert_subtask (parent, -1, task);
          g_object_unref (task);
        }
      parent = task;
    }

  if (deepest != NULL)
    *deepest = parent;

  return top;
}

static void
test_depth_can_hold (void)
{
  g_autoptr(JhPlan) plan = jh_plan_new (2027);
  JhSection *section = add_section (plan, JH_SECTION_KIND_MAIN_TASKS, NULL);
  g_autoptr(JhTask) chain = NULL;
  g_autoptr(JhTask) single = jh_task_new ("单个");
  g_autoptr(JhTask) pair = build_chain ("p", 2, NULL);
  g_autoptr(JhParagraph) paragraph = jh_paragraph_new ("正文");
  g_autoptr(JhTarget) target = jh_target_new ("调研", JH_COMPARISON_AT_LEAST, 1, "次");
  JhTask *fourth;
  JhTask *third;
  JhTask *second;

  chain = build_chain ("c", 4, &fourth);
  g_assert_cmpuint (jh_task_get_height (chain), ==, 4);
  g_assert_true (jh_node_can_hold (JH_NODE (section), JH_NODE (chain)));
  jh_section_insert_task (section, -1, chain);
  third = jh_task_get_parent_task (fourth);
  second = jh_task_get_parent_task (third);

  /* 一、（一）1.（1） and no deeper. */
  g_assert_false (jh_task_can_hold (fourth, single));
  g_assert_true (jh_task_can_hold (third, single));
  g_assert_false (jh_node_can_hold (JH_NODE (fourth), JH_NODE (single)));
  g_assert_true (jh_node_can_hold (JH_NODE (third), JH_NODE (single)));

  /* A task brings its sub-tasks along. */
  g_assert_false (jh_task_can_hold (third, pair));
  g_assert_true (jh_task_can_hold (second, pair));

  /* A task that already has a parent must be removed first. */
  g_assert_false (jh_node_can_hold (JH_NODE (third), JH_NODE (fourth)));

  /* Each node holds only what belongs in it. */
  g_assert_true (jh_node_can_hold (JH_NODE (section), JH_NODE (paragraph)));
  g_assert_true (jh_node_can_hold (JH_NODE (third), JH_NODE (target)));
  g_assert_false (jh_node_can_hold (JH_NODE (section), JH_NODE (target)));
  g_assert_false (jh_node_can_hold (JH_NODE (plan), JH_NODE (single)));
  g_assert_false (jh_node_can_hold (JH_NODE (single), JH_NODE (plan)));
}

static void
test_depth_insert_refused (void)
{
  g_autoptr(JhTask) chain = NULL;
  g_autoptr(JhTask) fifth = jh_task_new ("第五层");
  g_autoptr(JhTask) pair = build_chain ("p", 2, NULL);
  JhTask *fourth;

  chain = build_chain ("c", 4, &fourth);

  g_test_expect_message ("Jihua", G_LOG_LEVEL_CRITICAL, "*jh_task_can_hold*");
  jh_task_insert_subtask (fourth, -1, fifth);
  g_test_assert_expected_messages ();

  g_test_expect_message ("Jihua", G_LOG_LEVEL_CRITICAL, "*jh_node_can_hold*");
  jh_node_insert_child (JH_NODE (fourth), -1, JH_NODE (fifth));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Jihua", G_LOG_LEVEL_CRITICAL, "*jh_task_can_hold*");
  jh_task_insert_subtask (jh_task_get_parent_task (fourth), -1, pair);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (g_list_model_get_n_items (jh_task_get_subtasks (fourth)), ==, 0);
  g_assert_null (jh_node_get_parent (JH_NODE (fifth)));
  g_assert_null (jh_node_get_parent (JH_NODE (pair)));
  g_assert_cmpuint (jh_task_get_height (chain), ==, 4);
}

static void
test_depth_no_cycles (void)
{
  g_autoptr(JhTask) top = jh_task_new ("顶层");
  g_autoptr(JhTask) pair = NULL;
  JhTask *below;

  /* Within the depth limit, so only the cycle check can refuse it. */
  pair = build_chain ("p", 2, &below);
  g_assert_cmpuint (jh_task_get_depth (below) + jh_task_get_height (pair), <=, JH_TASK_MAX_DEPTH);

  g_assert_false (jh_task_can_hold (below, pair));
  g_assert_false (jh_task_can_hold (pair, pair));
  g_assert_false (jh_node_can_hold (JH_NODE (pair), JH_NODE (pair)));

  g_test_expect_message ("Jihua", G_LOG_LEVEL_CRITICAL, "*jh_task_can_hold*");
  jh_task_insert_subtask (below, -1, pair);
  g_test_assert_expected_messages ();
  g_assert_null (jh_node_get_parent (JH_NODE (pair)));

  /* The same move the other way round is fine. */
  g_assert_true (jh_task_can_hold (top, pair));
  jh_task_insert_subtask (top, -1, pair);
  g_assert_true (jh_task_get_parent_task (pair) == top);
}

/* Change notification */

static void
test_changed_deep_paragraph (void)
{
  g_autoptr(JhPlan) plan = build_plan ();
  JhTask *t2b1a = find_task (plan, "t2b1a");
  JhParagraph *paragraph = nth_item (jh_task_get_paragraphs (t2b1a), 0);
  guint plan_changes = 0;
  guint section_changes = 0;
  guint task_changes = 0;
  guint sibling_changes = 0;

  g_signal_connect (plan, "changed", G_CALLBACK (count_cb), &plan_changes);
  g_signal_connect (jh_task_get_section (t2b1a), "changed", G_CALLBACK (count_cb), &section_changes);
  g_signal_connect (find_task (plan, "t2"), "changed", G_CALLBACK (count_cb), &task_changes);
  g_signal_connect (find_task (plan, "t1"), "changed", G_CALLBACK (count_cb), &sibling_changes);

  jh_paragraph_set_text (paragraph, "第四层任务的新正文。");

  g_assert_cmpuint (plan_changes, >=, 1);
  g_assert_cmpuint (section_changes, >=, 1);
  g_assert_cmpuint (task_changes, >=, 1);
  g_assert_cmpuint (sibling_changes, ==, 0);
}

static void
test_changed_target_added (void)
{
  g_autoptr(JhPlan) plan = build_plan ();
  g_autoptr(JhTarget) target = jh_target_new ("视察", JH_COMPARISON_AT_LEAST, 2, "次");
  guint changes = 0;

  g_signal_connect (plan, "changed", G_CALLBACK (count_cb), &changes);

  jh_task_insert_target (find_task (plan, "t2b1"), -1, target);
  g_assert_cmpuint (changes, >=, 1);

  changes = 0;
  jh_target_set_number (target, 3);
  g_assert_cmpuint (changes, >=, 1);

  changes = 0;
  g_assert_true (jh_task_remove_target (find_task (plan, "t2b1"), target));
  g_assert_cmpuint (changes, >=, 1);
}

static void
test_changed_task_removed (void)
{
  g_autoptr(JhPlan) plan = build_plan ();
  g_autoptr(JhTask) t3 = g_object_ref (find_task (plan, "t3"));
  g_autoptr(JhTask) t2b1 = g_object_ref (find_task (plan, "t2b1"));
  guint changes = 0;

  g_signal_connect (plan, "changed", G_CALLBACK (count_cb), &changes);

  g_assert_true (jh_section_remove_task (jh_task_get_section (t3), t3));
  g_assert_cmpuint (changes, >=, 1);

  changes = 0;
  g_assert_true (jh_task_remove_subtask (find_task (plan, "t2b"), t2b1));
  g_assert_cmpuint (changes, >=, 1);

  /* Removing what is not there changes nothing. */
  changes = 0;
  g_assert_false (jh_task_remove_subtask (find_task (plan, "t2b"), t2b1));
  g_assert_cmpuint (changes, ==, 0);
}

static void
test_changed_same_value (void)
{
  g_autoptr(JhPlan) plan = build_plan ();
  g_autoptr(GDate) date = g_date_new_dmy (8, 1, 2027);
  g_autoptr(GDate) same_date = g_date_new_dmy (8, 1, 2027);
  g_autoptr(JhProvenance) same_source = jh_provenance_new (NULL, 0, "2026年工作计划.jhplan", 2026);
  JhSection *main_tasks = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  JhTask *t1 = find_task (plan, "t1");
  JhTarget *target = nth_item (jh_task_get_targets (t1), 0);
  JhParagraph *paragraph = nth_item (jh_task_get_paragraphs (t1), 0);
  g_autofree char *text = g_strdup (jh_paragraph_get_text (paragraph));
  guint changes = 0;
  guint notifies = 0;

  jh_plan_set_date (plan, date);
  jh_task_set_owner (t1, "工委办公室 综合组");

  g_signal_connect (plan, "changed", G_CALLBACK (count_cb), &changes);
  g_signal_connect (plan, "notify", G_CALLBACK (count_notify_cb), &notifies);
  g_signal_connect (t1, "notify", G_CALLBACK (count_notify_cb), &notifies);
  g_signal_connect (target, "notify", G_CALLBACK (count_notify_cb), &notifies);
  g_signal_connect (paragraph, "notify", G_CALLBACK (count_notify_cb), &notifies);

  jh_plan_set_title (plan, jh_plan_get_title (plan));
  jh_plan_set_year (plan, 2027);
  jh_plan_set_status (plan, JH_PLAN_STATUS_DRAFT);
  jh_plan_set_kind (plan, JH_DOCUMENT_KIND_PLAN);
  jh_plan_set_date (plan, same_date);
  jh_plan_set_signoff_date (plan, NULL);
  jh_plan_set_drafter (plan, NULL);
  jh_section_set_title (main_tasks, "主要任务");
  jh_section_set_kind (main_tasks, JH_SECTION_KIND_MAIN_TASKS);
  jh_task_set_lead (t1, "t1");
  jh_task_set_timing (t1, "每季度");
  jh_task_set_provenance (t1, same_source);
  jh_paragraph_set_text (paragraph, text);
  jh_paragraph_set_provenance (paragraph, NULL);
  jh_target_set_metric (target, "调研");
  jh_target_set_number (target, 3);
  jh_target_set_comparison (target, JH_COMPARISON_AT_LEAST);
  jh_target_set_unit (target, "次");

  /* Text that cleans up to what is already there is the same value. */
  jh_task_set_owner (t1, "工委办公室\n综合组");

  /* The same through properties, as bindings set them. */
  g_object_set (t1, "lead", "t1", "owner", "工委办公室 综合组", NULL);
  g_object_set (plan, "year", 2027, NULL);

  /* Moving a task to where it is. */
  g_assert_true (jh_section_move_task (main_tasks, t1, 0));

  g_assert_cmpuint (changes, ==, 0);
  g_assert_cmpuint (notifies, ==, 0);

  /* A real change after all that is seen. */
  jh_plan_set_year (plan, 2028);
  g_assert_cmpuint (changes, >=, 1);
  g_assert_cmpuint (notifies, ==, 1);
}

static void
test_changed_detached (void)
{
  g_autoptr(JhPlan) plan = build_plan ();
  g_autoptr(JhTask) t2 = g_object_ref (find_task (plan, "t2"));
  JhTask *t2b1a = find_task (plan, "t2b1a");
  JhSection *main_tasks = jh_task_get_section (t2);
  guint changes = 0;

  g_assert_true (jh_section_remove_task (main_tasks, t2));

  /* A removed task is on its own: no parent, no section, its own root. */
  g_assert_null (jh_node_get_parent (JH_NODE (t2)));
  g_assert_null (jh_task_get_section (t2));
  g_assert_null (jh_task_get_section (t2b1a));
  g_assert_true (jh_node_get_root (JH_NODE (t2b1a)) == JH_NODE (t2));
  g_assert_cmpuint (jh_task_get_position (t2), ==, 0);

  /* Its edits are no longer edits of the plan. */
  g_signal_connect (plan, "changed", G_CALLBACK (count_cb), &changes);
  jh_task_set_lead (t2b1a, "已移除任务的子任务");
  jh_task_set_owner (t2, "别处");
  g_assert_cmpuint (changes, ==, 0);

  /* Put back elsewhere, it is part of the plan again. */
  jh_section_insert_task (main_tasks, 0, t2);
  g_assert_true (jh_node_get_root (JH_NODE (t2b1a)) == JH_NODE (plan));
  jh_task_set_owner (t2, "工委办公室");
  g_assert_cmpuint (changes, >=, 2);
}

typedef struct
{
  guint n_calls;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *record)
{
  record->n_calls++;
  record->position = position;
  record->removed = removed;
  record->added = added;
}

static void
assert_items_changed (ItemsChanged *record,
                      guint         position,
                      guint         removed,
                      guint         added)
{
  g_assert_cmpuint (record->n_calls, ==, 1);
  g_assert_cmpuint (record->position, ==, position);
  g_assert_cmpuint (record->removed, ==, removed);
  g_assert_cmpuint (record->added, ==, added);
  memset (record, 0, sizeof *record);
}

static void
test_items_changed (void)
{
  g_autoptr(JhPlan) plan = build_plan ();
  g_autoptr(JhTask) task = jh_task_new ("插入的任务");
  g_autoptr(JhSection) section = jh_section_new (JH_SECTION_KIND_GOALS, NULL);
  g_autoptr(JhParagraph) paragraph = jh_paragraph_new ("新段落");
  JhSection *main_tasks = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  JhTask *t2 = find_task (plan, "t2");
  ItemsChanged tasks_record = { 0 };
  ItemsChanged sections_record = { 0 };
  ItemsChanged subtasks_record = { 0 };
  ItemsChanged paragraphs_record = { 0 };

  g_signal_connect (jh_section_get_tasks (main_tasks), "items-changed", G_CALLBACK (items_changed_cb), &tasks_record);
  g_signal_connect (jh_plan_get_sections (plan), "items-changed", G_CALLBACK (items_changed_cb), &sections_record);
  g_signal_connect (jh_task_get_subtasks (t2), "items-changed", G_CALLBACK (items_changed_cb), &subtasks_record);
  g_signal_connect (jh_section_get_paragraphs (main_tasks), "items-changed", G_CALLBACK (items_changed_cb), &paragraphs_record);

  jh_section_insert_task (main_tasks, 1, task);
  assert_items_changed (&tasks_record, 1, 0, 1);
  g_assert_true (nth_item (jh_section_get_tasks (main_tasks), 1) == task);

  g_assert_true (jh_section_remove_task (main_tasks, task));
  assert_items_changed (&tasks_record, 1, 1, 0);

  /* -1 and positions past the end append. */
  jh_section_insert_task (main_tasks, 99, task);
  assert_items_changed (&tasks_record, 3, 0, 1);

  jh_plan_insert_section (plan, 2, section);
  assert_items_changed (&sections_record, 2, 0, 1);
  g_assert_true (jh_plan_remove_section (plan, section));
  assert_items_changed (&sections_record, 2, 1, 0);

  jh_node_insert_child (JH_NODE (main_tasks), 0, JH_NODE (paragraph));
  assert_items_changed (&paragraphs_record, 0, 0, 1);
  g_assert_true (jh_node_remove_child (JH_NODE (main_tasks), JH_NODE (paragraph)));
  assert_items_changed (&paragraphs_record, 0, 1, 0);

  /* A move is seen by whoever watches the list, and the list is in the
   * new order when it is.
   */
  g_assert_true (jh_task_move_subtask (t2, find_task (plan, "t2b"), 0));
  g_assert_cmpuint (subtasks_record.n_calls, >=, 1);
  g_assert_cmpstr (jh_task_get_lead (nth_item (jh_task_get_subtasks (t2), 0)), ==, "t2b");
  g_assert_cmpstr (jh_task_get_lead (nth_item (jh_task_get_subtasks (t2), 1)), ==, "t2a");

  /* Nothing else was touched. */
  g_assert_cmpuint (tasks_record.n_calls, ==, 0);
  g_assert_cmpuint (sections_record.n_calls, ==, 0);
}

/* Sanitizing */

typedef struct
{
  GObject    *object;
  const char *property;
} Field;

static void
test_sanitize_single_line (void)
{
  g_autoptr(JhPlan) plan = build_plan ();
  JhTask *t1 = find_task (plan, "t1");
  JhTarget *target = nth_item (jh_task_get_targets (t1), 0);
  JhSection *main_tasks = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  const Field fields[] = {
    { G_OBJECT (plan), "title" },
    { G_OBJECT (plan), "organization" },
    { G_OBJECT (plan), "drafter" },
    { G_OBJECT (plan), "document-number" },
    { G_OBJECT (plan), "signoff-organization" },
    { G_OBJECT (main_tasks), "title" },
    { G_OBJECT (t1), "owner" },
    { G_OBJECT (t1), "participants" },
    { G_OBJECT (t1), "timing" },
    { G_OBJECT (target), "metric" },
    { G_OBJECT (target), "unit" },
  };

  /* The usual case: a name pasted with a line break in it. */
  jh_task_set_owner (t1, "工委\n办公室");
  g_assert_cmpstr (jh_task_get_owner (t1), ==, "工委 办公室");

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *value = NULL;

      g_test_message ("%s:%s", G_OBJECT_TYPE_NAME (fields[i].object), fields[i].property);
      g_object_set (fields[i].object, fields[i].property, "第一行\n第二行", NULL);
      g_object_get (fields[i].object, fields[i].property, &value, NULL);
      g_assert_cmpstr (value, ==, "第一行 第二行");
    }

  /* NULL clears a field; it never reads back as NULL. */
  jh_task_set_owner (t1, NULL);
  g_assert_cmpstr (jh_task_get_owner (t1), ==, "");
}

static void
test_sanitize_control_characters (void)
{
  g_autoptr(JhTask) task = jh_task_new ("任务");
  g_autoptr(JhParagraph) paragraph = jh_paragraph_new (NULL);
  g_autoptr(JhProvenance) provenance = jh_provenance_new (NULL, 0, "旧\x01计划\x1b.jhplan", 2026);

  /* Characters XML cannot hold, as pasted from old documents. */
  jh_task_set_owner (task, "工委\x01办公\x1b室\x07");
  g_assert_cmpstr (jh_task_get_owner (task), ==, "工委办公室");

  jh_paragraph_set_text (paragraph, "第一\x0b段\x0c正文\x08。\n第二段\x1f。");
  g_assert_cmpstr (jh_paragraph_get_text (paragraph), ==, "第一段正文。\n第二段。");

  g_assert_cmpstr (jh_provenance_get_source (provenance), ==, "旧计划.jhplan");

  /* A Windows line break is one break. */
  jh_paragraph_set_text (paragraph, "第一段\r\n第二段");
  g_assert_cmpstr (jh_paragraph_get_text (paragraph), ==, "第一段\n第二段");
}

static void
test_sanitize_invalid_utf8 (void)
{
  g_autoptr(JhTask) task = jh_task_new ("任务");
  g_autoptr(JhParagraph) paragraph = jh_paragraph_new (NULL);
  /* 工委 in GB18030, as text from an old .txt file arrives. */
  const char *gb18030 = "\xb9\xa4\xce\xaf";
  g_autofree char *owner = g_strconcat ("街道", gb18030, "办公室", NULL);
  g_autofree char *text = g_strconcat ("开展", gb18030, "调研\xe8", NULL);

  jh_task_set_owner (task, owner);
  g_assert_true (g_utf8_validate (jh_task_get_owner (task), -1, NULL));
  g_assert_true (g_str_has_prefix (jh_task_get_owner (task), "街道"));
  g_assert_true (g_str_has_suffix (jh_task_get_owner (task), "办公室"));

  jh_paragraph_set_text (paragraph, text);
  g_assert_true (g_utf8_validate (jh_paragraph_get_text (paragraph), -1, NULL));
  g_assert_true (g_str_has_prefix (jh_paragraph_get_text (paragraph), "开展"));
  g_assert_nonnull (strstr (jh_paragraph_get_text (paragraph), "调研"));

  jh_task_set_lead (task, "\xff\xfe");
  g_assert_true (g_utf8_validate (jh_task_get_lead (task), -1, NULL));
}

static void
test_sanitize_paragraph_newlines (void)
{
  g_autoptr(JhParagraph) paragraph = jh_paragraph_new ("第一段。\n第二段。\n\n第三段。");

  g_assert_cmpstr (jh_paragraph_get_text (paragraph), ==, "第一段。\n第二段。\n\n第三段。");

  jh_paragraph_set_text (paragraph, "一是……\n二是……\n");
  g_assert_cmpstr (jh_paragraph_get_text (paragraph), ==, "一是……\n二是……\n");
}

/* Values */

static void
assert_target_string (const char   *metric,
                      JhComparison  comparison,
                      double        number,
                      const char   *unit,
                      const char   *expected)
{
  g_autoptr(JhTarget) target = jh_target_new (metric, comparison, number, unit);
  g_autofree char *text = jh_target_to_string (target);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_target_to_string (void)
{
  assert_target_string ("调研", JH_COMPARISON_AT_LEAST, 2, "次", "调研 ≥ 2 次");
  assert_target_string ("经费", JH_COMPARISON_AT_MOST, 5, "万元", "经费 ≤ 5 万元");
  assert_target_string ("提案", JH_COMPARISON_EXACTLY, 10, "件", "提案 = 10 件");
  assert_target_string ("经费", JH_COMPARISON_AT_LEAST, 0.5, "万元", "经费 ≥ 0.5 万元");
  assert_target_string ("经费", JH_COMPARISON_AT_LEAST, 2.25, "万元", "经费 ≥ 2.25 万元");
  assert_target_string ("宣传报道", JH_COMPARISON_AT_LEAST, 20, "篇", "宣传报道 ≥ 20 篇");
  assert_target_string ("经费", JH_COMPARISON_AT_MOST, JH_TARGET_MAX_NUMBER, "元", "经费 ≤ 1000000000 元");

  /* Without a unit there is no trailing space. */
  assert_target_string ("视察", JH_COMPARISON_AT_LEAST, 2, NULL, "视察 ≥ 2");
  assert_target_string ("视察", JH_COMPARISON_AT_LEAST, 0, "", "视察 ≥ 0");
}

static void
assert_date (guint       year,
             GDateMonth  month,
             GDateDay    day,
             const char *expected)
{
  g_autoptr(GDate) date = g_date_new_dmy (day, month, year);
  g_autofree char *text = jh_format_date (date);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format_date (void)
{
  g_autoptr(GDate) invalid = g_date_new ();
  g_autofree char *none = jh_format_date (NULL);
  g_autofree char *nothing = jh_format_date (invalid);

  /* GB/T 9704: Arabic numerals, full year, no zero padding. */
  assert_date (2027, G_DATE_JANUARY, 8, "2027年1月8日");
  assert_date (2027, G_DATE_OCTOBER, 5, "2027年10月5日");
  assert_date (2027, G_DATE_DECEMBER, 31, "2027年12月31日");
  assert_date (2028, G_DATE_FEBRUARY, 29, "2028年2月29日");

  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (nothing, ==, "");
}

static void
test_count_tasks (void)
{
  g_autoptr(JhPlan) plan = build_plan ();
  g_autoptr(JhPlan) empty = jh_plan_new (2027);
  JhSection *main_tasks = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);

  g_assert_cmpuint (jh_plan_count_tasks (empty), ==, 0);

  /* u1 u2 u2a u2a1 u2a1a, t1 t2 t2a t2b t2b1 t2b1a t3 */
  g_assert_cmpuint (jh_plan_count_tasks (plan), ==, 12);

  /* A task goes with its sub-tasks. */
  g_assert_true (jh_section_remove_task (main_tasks, find_task (plan, "t2")));
  g_assert_cmpuint (jh_plan_count_tasks (plan), ==, 7);

  g_assert_true (jh_plan_remove_section (plan, main_tasks));
  g_assert_cmpuint (jh_plan_count_tasks (plan), ==, 5);
}

static void
test_find_section (void)
{
  g_autoptr(JhPlan) plan = build_plan ();
  g_autoptr(JhSection) second = jh_section_new (JH_SECTION_KIND_MAIN_TASKS, "重点工作");
  GListModel *sections = jh_plan_get_sections (plan);
  JhSection *first = nth_item (sections, 3);

  g_assert_true (jh_plan_find_section (plan, JH_SECTION_KIND_PREAMBLE) == nth_item (sections, 0));
  g_assert_true (jh_plan_find_section (plan, JH_SECTION_KIND_GUIDING_IDEOLOGY) == nth_item (sections, 1));
  g_assert_true (jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS) == first);
  g_assert_true (jh_plan_find_section (plan, JH_SECTION_KIND_SAFEGUARDS) == nth_item (sections, 5));
  g_assert_null (jh_plan_find_section (plan, JH_SECTION_KIND_GOALS));
  g_assert_null (jh_plan_find_section (plan, JH_SECTION_KIND_REQUIREMENTS));

  /* The first of two, then the other when the first is gone. */
  jh_plan_insert_section (plan, -1, second);
  g_assert_true (jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS) == first);
  g_assert_true (jh_plan_remove_section (plan, first));
  g_assert_true (jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS) == second);

  /* The kind decides, not the title. */
  jh_section_set_kind (second, JH_SECTION_KIND_GOALS);
  g_assert_null (jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS));
  g_assert_true (jh_plan_find_section (plan, JH_SECTION_KIND_GOALS) == second);
}

/* Memory */

static void
test_finalize (void)
{
  JhPlan *plan = build_plan ();
  JhTask *deep = find_task (plan, "t2b1a");
  JhTask *t1 = find_task (plan, "t1");
  JhParagraph *paragraph = nth_item (jh_task_get_paragraphs (deep), 0);
  JhTarget *target = nth_item (jh_task_get_targets (t1), 0);
  JhSection *section = jh_task_get_section (deep);

  g_object_add_weak_pointer (G_OBJECT (deep), (gpointer *) &deep);
  g_object_add_weak_pointer (G_OBJECT (paragraph), (gpointer *) &paragraph);
  g_object_add_weak_pointer (G_OBJECT (target), (gpointer *) &target);
  g_object_add_weak_pointer (G_OBJECT (section), (gpointer *) &section);

  g_assert_finalize_object (plan);

  g_assert_null (deep);
  g_assert_null (paragraph);
  g_assert_null (target);
  g_assert_null (section);
}

static void
test_finalize_kept_child (void)
{
  JhPlan *plan = build_plan ();
  JhSection *section = g_object_ref (jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS));
  JhTask *deep = find_task (plan, "t2b1a");

  g_object_add_weak_pointer (G_OBJECT (deep), (gpointer *) &deep);

  /* A view still holding a section when the plan goes must not be left
   * with a dangling parent.
   */
  g_assert_finalize_object (plan);
  g_assert_null (jh_node_get_parent (JH_NODE (section)));
  g_assert_null (jh_section_get_plan (section));
  g_assert_nonnull (deep);
  g_assert_true (jh_task_get_section (deep) == section);

  g_assert_finalize_object (section);
  g_assert_null (deep);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jihua/plan/build", test_build);
  g_test_add_func ("/jihua/plan/provenance", test_provenance);
  g_test_add_func ("/jihua/plan/numbering/sections", test_numbering_sections);
  g_test_add_func ("/jihua/plan/numbering/sections-update", test_numbering_sections_update);
  g_test_add_func ("/jihua/plan/numbering/tasks-numbered-section", test_numbering_tasks_numbered_section);
  g_test_add_func ("/jihua/plan/numbering/tasks-untitled-section", test_numbering_tasks_untitled_section);
  g_test_add_func ("/jihua/plan/numbering/tasks-update", test_numbering_tasks_update);
  g_test_add_func ("/jihua/plan/numbering/path", test_numbering_path);
  g_test_add_func ("/jihua/plan/depth/can-hold", test_depth_can_hold);
  g_test_add_func ("/jihua/plan/depth/insert-refused", test_depth_insert_refused);
  g_test_add_func ("/jihua/plan/depth/no-cycles", test_depth_no_cycles);
  g_test_add_func ("/jihua/plan/changed/deep-paragraph", test_changed_deep_paragraph);
  g_test_add_func ("/jihua/plan/changed/target-added", test_changed_target_added);
  g_test_add_func ("/jihua/plan/changed/task-removed", test_changed_task_removed);
  g_test_add_func ("/jihua/plan/changed/same-value", test_changed_same_value);
  g_test_add_func ("/jihua/plan/changed/detached", test_changed_detached);
  g_test_add_func ("/jihua/plan/items-changed", test_items_changed);
  g_test_add_func ("/jihua/plan/sanitize/single-line", test_sanitize_single_line);
  g_test_add_func ("/jihua/plan/sanitize/control-characters", test_sanitize_control_characters);
  g_test_add_func ("/jihua/plan/sanitize/invalid-utf8", test_sanitize_invalid_utf8);
  g_test_add_func ("/jihua/plan/sanitize/paragraph-newlines", test_sanitize_paragraph_newlines);
  g_test_add_func ("/jihua/plan/target/to-string", test_target_to_string);
  g_test_add_func ("/jihua/plan/format-date", test_format_date);
  g_test_add_func ("/jihua/plan/count-tasks", test_count_tasks);
  g_test_add_func ("/jihua/plan/find-section", test_find_section);
  g_test_add_func ("/jihua/plan/finalize", test_finalize);
  g_test_add_func ("/jihua/plan/finalize/kept-child", test_finalize_kept_child);

  return g_test_run ();
}
