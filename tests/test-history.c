/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jihua.h"

static JhPlan *
build_plan (JhSection **tasks_section)
{
  JhPlan *plan = jh_plan_new (2027);
  g_autoptr(JhSection) section = jh_section_new (JH_SECTION_KIND_MAIN_TASKS, NULL);
  const char *leads[] = { "加强理论学习", "开展专题调研", "做好提案工作" };

  for (guint i = 0; i < G_N_ELEMENTS (leads); i++)
    {
      g_autoptr(JhTask) task = jh_task_new (leads[i]);

      jh_section_insert_task (section, -1, task);
    }

  jh_plan_insert_section (plan, -1, section);
  *tasks_section = section;

  return plan;
}

static JhTask *
get_task (JhSection *section,
          guint      position)
{
  g_autoptr(JhTask) task = g_list_model_get_item (jh_section_get_tasks (section), position);

  return task;
}

static char *
dup_leads (JhSection *section)
{
  GListModel *tasks = jh_section_get_tasks (section);
  GString *leads = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(JhTask) task = g_list_model_get_item (tasks, i);
      g_autofree char *numbering = jh_task_dup_numbering (task);

      g_string_append_printf (leads, "%s%s%s", i ? "|" : "", numbering, jh_task_get_lead (task));
      for (guint j = 0; j < g_list_model_get_n_items (jh_task_get_subtasks (task)); j++)
        {
          g_autoptr(JhTask) subtask = g_list_model_get_item (jh_task_get_subtasks (task), j);
          g_autofree char *sub_numbering = jh_task_dup_numbering (subtask);

          g_string_append_printf (leads, ">%s%s", sub_numbering, jh_task_get_lead (subtask));
        }
    }

  return g_string_free (leads, FALSE);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_set_undo_redo (void)
{
  g_autoptr(JhHistory) history = jh_history_new ();
  JhSection *section;
  g_autoptr(JhPlan) plan = build_plan (&section);
  JhTask *task = get_task (section, 0);
  guint can_undo_notifies = 0;

  g_signal_connect (history, "notify::can-undo", G_CALLBACK (count_notify_cb), &can_undo_notifies);
  g_assert_false (jh_history_get_can_undo (history));

  jh_history_set (history, JH_NODE (task), "owner", "工委办公室", "timing", "5月中旬", NULL);
  g_assert_cmpstr (jh_task_get_owner (task), ==, "工委办公室");
  g_assert_cmpstr (jh_task_get_timing (task), ==, "5月中旬");
  g_assert_true (jh_history_get_can_undo (history));
  g_assert_cmpuint (can_undo_notifies, ==, 1);

  /* Both properties were one step. */
  g_assert_true (jh_history_undo (history));
  g_assert_cmpstr (jh_task_get_owner (task), ==, "");
  g_assert_cmpstr (jh_task_get_timing (task), ==, "");
  g_assert_false (jh_history_get_can_undo (history));
  g_assert_true (jh_history_get_can_redo (history));
  g_assert_false (jh_history_undo (history));

  g_assert_true (jh_history_redo (history));
  g_assert_cmpstr (jh_task_get_owner (task), ==, "工委办公室");
  g_assert_cmpstr (jh_task_get_timing (task), ==, "5月中旬");
  g_assert_false (jh_history_get_can_redo (history));

  /* Setting a value a property already has records nothing. */
  jh_history_seal (history);
  jh_history_set (history, JH_NODE (task), "owner", "工委办公室", NULL);
  g_assert_true (jh_history_undo (history));
  g_assert_false (jh_history_get_can_undo (history));
}

static void
test_typing_merges (void)
{
  g_autoptr(JhHistory) history = jh_history_new ();
  JhSection *section;
  g_autoptr(JhPlan) plan = build_plan (&section);
  JhTask *task = get_task (section, 1);

  jh_history_set (history, JH_NODE (task), "lead", "开展专题调研，", NULL);
  jh_history_set (history, JH_NODE (task), "lead", "开展专题调研，助推", NULL);
  jh_history_set (history, JH_NODE (task), "lead", "开展专题调研，助推发展", NULL);

  /* Typing in one field a moment apart is one step. */
  g_assert_true (jh_history_undo (history));
  g_assert_cmpstr (jh_task_get_lead (task), ==, "开展专题调研");
  g_assert_false (jh_history_get_can_undo (history));

  /* A seal (leaving the field) separates steps. */
  g_assert_true (jh_history_redo (history));
  jh_history_seal (history);
  jh_history_set (history, JH_NODE (task), "lead", "开展专题调研，助推发展。", NULL);
  g_assert_true (jh_history_undo (history));
  g_assert_cmpstr (jh_task_get_lead (task), ==, "开展专题调研，助推发展");

  /* Another property is another step. */
  jh_history_set (history, JH_NODE (task), "owner", "提案委员会", NULL);
  jh_history_set (history, JH_NODE (task), "timing", "第二季度", NULL);
  g_assert_true (jh_history_undo (history));
  g_assert_cmpstr (jh_task_get_owner (task), ==, "提案委员会");
  g_assert_cmpstr (jh_task_get_timing (task), ==, "");
}

static void
test_insert_remove (void)
{
  g_autoptr(JhHistory) history = jh_history_new ();
  JhSection *section;
  g_autoptr(JhPlan) plan = build_plan (&section);
  g_autoptr(JhTask) new_task = jh_task_new ("加强自身建设");
  g_autoptr(JhTask) subtask = jh_task_new ("完善学习制度");
  g_autofree char *before = dup_leads (section);
  JhTask *second;

  jh_history_insert (history, JH_NODE (section), 1, JH_NODE (new_task));
  {
    g_autofree char *after = dup_leads (section);

    g_assert_cmpstr (after, ==, "（一）加强理论学习|（二）加强自身建设|（三）开展专题调研|（四）做好提案工作");
  }

  jh_history_insert (history, JH_NODE (new_task), -1, JH_NODE (subtask));
  g_assert_true (jh_node_get_parent (JH_NODE (subtask)) == JH_NODE (new_task));

  /* Removing a task takes its sub-tasks; Undo puts all back in place. */
  jh_history_remove (history, JH_NODE (new_task));
  {
    g_autofree char *after = dup_leads (section);

    g_assert_cmpstr (after, ==, before);
  }
  g_assert_true (jh_history_undo (history));
  {
    g_autofree char *after = dup_leads (section);

    g_assert_cmpstr (after, ==, "（一）加强理论学习|（二）加强自身建设>1.完善学习制度|（三）开展专题调研|（四）做好提案工作");
  }

  g_assert_true (jh_history_undo (history));
  g_assert_true (jh_history_undo (history));
  {
    g_autofree char *after = dup_leads (section);

    g_assert_cmpstr (after, ==, before);
  }
  g_assert_null (jh_node_get_parent (JH_NODE (new_task)));

  g_assert_true (jh_history_redo (history));
  g_assert_true (jh_history_redo (history));
  g_assert_true (jh_history_redo (history));
  second = get_task (section, 1);
  g_assert_cmpstr (jh_task_get_lead (second), ==, "开展专题调研");
}

static void
test_move_indent_outdent (void)
{
  g_autoptr(JhHistory) history = jh_history_new ();
  JhSection *section;
  g_autoptr(JhPlan) plan = build_plan (&section);
  g_autofree char *before = dup_leads (section);
  JhTask *first = get_task (section, 0);
  JhTask *third = get_task (section, 2);

  /* Move Up */
  jh_history_move (history, JH_NODE (third), JH_NODE (section), 1);
  {
    g_autofree char *after = dup_leads (section);

    g_assert_cmpstr (after, ==, "（一）加强理论学习|（二）做好提案工作|（三）开展专题调研");
  }

  /* Indent: the task becomes the last sub-task of the one above it. */
  jh_history_move (history, JH_NODE (third), JH_NODE (first), -1);
  {
    g_autofree char *after = dup_leads (section);

    g_assert_cmpstr (after, ==, "（一）加强理论学习>1.做好提案工作|（二）开展专题调研");
  }

  /* Outdent back to the end of the section. */
  jh_history_move (history, JH_NODE (third), JH_NODE (section), -1);
  {
    g_autofree char *after = dup_leads (section);

    g_assert_cmpstr (after, ==, "（一）加强理论学习|（二）开展专题调研|（三）做好提案工作");
  }

  g_assert_true (jh_history_undo (history));
  {
    g_autofree char *after = dup_leads (section);

    g_assert_cmpstr (after, ==, "（一）加强理论学习>1.做好提案工作|（二）开展专题调研");
  }
  g_assert_true (jh_history_undo (history));
  g_assert_true (jh_history_undo (history));
  {
    g_autofree char *after = dup_leads (section);

    g_assert_cmpstr (after, ==, before);
  }
}

static void
test_steps_and_redo (void)
{
  g_autoptr(JhHistory) history = jh_history_new ();
  JhSection *section;
  g_autoptr(JhPlan) plan = build_plan (&section);
  JhTask *task = get_task (section, 0);
  g_autoptr(JhTarget) target = jh_target_new ("调研", JH_COMPARISON_AT_LEAST, 2, "次");

  /* A labelled step of several edits is undone at once. */
  jh_history_begin (history, "添加调研指标");
  jh_history_insert (history, JH_NODE (task), -1, JH_NODE (target));
  jh_history_set (history, JH_NODE (target), "number", 3.0, NULL);
  jh_history_set (history, JH_NODE (task), "timing", "每季度", NULL);
  jh_history_end (history);

  g_assert_cmpstr (jh_history_get_undo_label (history), ==, "添加调研指标");
  g_assert_cmpfloat (jh_target_get_number (target), ==, 3.0);
  g_assert_true (jh_history_undo (history));
  g_assert_cmpuint (g_list_model_get_n_items (jh_task_get_targets (task)), ==, 0);
  g_assert_cmpfloat (jh_target_get_number (target), ==, 2.0);
  g_assert_cmpstr (jh_task_get_timing (task), ==, "");
  g_assert_cmpstr (jh_history_get_redo_label (history), ==, "添加调研指标");

  /* A new change forgets what was undone. */
  jh_history_set (history, JH_NODE (task), "owner", "工委办公室", NULL);
  g_assert_false (jh_history_get_can_redo (history));

  /* An empty step is no step. */
  jh_history_clear (history);
  jh_history_begin (history, "nothing");
  jh_history_end (history);
  g_assert_false (jh_history_get_can_undo (history));
}

static void
test_limit (void)
{
  g_autoptr(JhHistory) history = jh_history_new ();
  JhSection *section;
  g_autoptr(JhPlan) plan = build_plan (&section);
  JhTask *task = get_task (section, 0);
  guint undone = 0;

  for (guint i = 0; i < JH_HISTORY_MAX_STEPS + 20; i++)
    {
      g_autofree char *owner = g_strdup_printf ("单位%u", i);

      jh_history_seal (history);
      jh_history_set (history, JH_NODE (task), "owner", owner, NULL);
    }

  while (jh_history_undo (history))
    undone++;

  g_assert_cmpuint (undone, ==, JH_HISTORY_MAX_STEPS);
  g_assert_cmpstr (jh_task_get_owner (task), ==, "单位19");
}

static char *
dup_body (JhTask *task)
{
  GListModel *paragraphs = jh_task_get_paragraphs (task);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(JhParagraph) paragraph = g_list_model_get_item (paragraphs, i);

      g_ptr_array_add (texts, (gpointer) jh_paragraph_get_text (paragraph));
    }
  g_ptr_array_add (texts, NULL);

  return g_strjoinv ("\n", (char **) texts->pdata);
}

static void
test_set_body (void)
{
  g_autoptr(JhHistory) history = jh_history_new ();
  JhSection *section;
  g_autoptr(JhPlan) plan = build_plan (&section);
  JhTask *task = get_task (section, 0);
  g_autoptr(JhProvenance) carried = jh_provenance_new (NULL, 0, "2026年工作计划.jhplan", 2026);
  g_autoptr(JhParagraph) first = NULL;
  g_autoptr(JhParagraph) third = NULL;
  g_autofree char *body = NULL;

  jh_history_set_body (history, JH_NODE (task), "一是坚持集中学习。\n二是开展专题培训。\n三是交流学习体会。");
  body = dup_body (task);
  g_assert_cmpstr (body, ==, "一是坚持集中学习。\n二是开展专题培训。\n三是交流学习体会。");
  g_assert_cmpuint (g_list_model_get_n_items (jh_task_get_paragraphs (task)), ==, 3);

  /* Paragraphs carried over from last year keep their provenance when
   * another line is edited.
   */
  first = g_list_model_get_item (jh_task_get_paragraphs (task), 0);
  third = g_list_model_get_item (jh_task_get_paragraphs (task), 2);
  jh_paragraph_set_provenance (first, carried);
  jh_paragraph_set_provenance (third, carried);
  jh_history_seal (history);

  /* Typing in the middle paragraph, a keystroke at a time. */
  jh_history_set_body (history, JH_NODE (task), "一是坚持集中学习。\n二是开展专题培训，\n三是交流学习体会。");
  jh_history_set_body (history, JH_NODE (task), "一是坚持集中学习。\n二是开展专题培训，全年\n三是交流学习体会。");
  jh_history_set_body (history, JH_NODE (task), "一是坚持集中学习。\n二是开展专题培训，全年不少于2次。\n三是交流学习体会。");

  {
    g_autoptr(JhParagraph) still_first = g_list_model_get_item (jh_task_get_paragraphs (task), 0);
    g_autoptr(JhParagraph) still_third = g_list_model_get_item (jh_task_get_paragraphs (task), 2);

    g_assert_true (still_first == first);
    g_assert_true (still_third == third);
    g_assert_true (jh_provenance_equal (jh_paragraph_get_provenance (still_third), carried));
  }

  /* The typing is one step. */
  g_assert_true (jh_history_undo (history));
  g_clear_pointer (&body, g_free);
  body = dup_body (task);
  g_assert_cmpstr (body, ==, "一是坚持集中学习。\n二是开展专题培训。\n三是交流学习体会。");

  /* A new line is a new paragraph; joining lines removes one. */
  g_assert_true (jh_history_redo (history));
  jh_history_seal (history);
  jh_history_set_body (history, JH_NODE (task), "一是坚持集中学习。\n二是开展专题培训，全年不少于2次。\n\n三是交流学习体会。");
  g_assert_cmpuint (g_list_model_get_n_items (jh_task_get_paragraphs (task)), ==, 4);
  jh_history_set_body (history, JH_NODE (task), "一是坚持集中学习。三是交流学习体会。");
  g_assert_cmpuint (g_list_model_get_n_items (jh_task_get_paragraphs (task)), ==, 1);

  g_assert_true (jh_history_undo (history));
  g_assert_cmpuint (g_list_model_get_n_items (jh_task_get_paragraphs (task)), ==, 4);
  g_assert_true (jh_history_undo (history));
  g_clear_pointer (&body, g_free);
  body = dup_body (task);
  g_assert_cmpstr (body, ==, "一是坚持集中学习。\n二是开展专题培训，全年不少于2次。\n三是交流学习体会。");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jihua/history/set-undo-redo", test_set_undo_redo);
  g_test_add_func ("/jihua/history/typing-merges", test_typing_merges);
  g_test_add_func ("/jihua/history/insert-remove", test_insert_remove);
  g_test_add_func ("/jihua/history/move-indent-outdent", test_move_indent_outdent);
  g_test_add_func ("/jihua/history/steps-and-redo", test_steps_and_redo);
  g_test_add_func ("/jihua/history/limit", test_limit);
  g_test_add_func ("/jihua/history/set-body", test_set_body);

  return g_test_run ();
}
