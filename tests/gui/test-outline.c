/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gui-test-utils.h"
#include "jh-outline.h"

typedef struct
{
  JhPlan    *plan;
  JhHistory *history;
  GtkWidget *window;
  JhOutline *outline;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->plan = jh_plan_new_sample ();
  fixture->history = jh_history_new ();
  fixture->window = gtk_window_new ();
  fixture->outline = JH_OUTLINE (jh_outline_new ());

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 800);
  jh_outline_set_history (fixture->outline, fixture->history);
  jh_outline_set_plan (fixture->outline, fixture->plan);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->outline));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->history);
  g_assert_finalize_object (fixture->plan);
}

/* The labels of the outline's rows, as the user reads them. */
static char *
dup_labels (Fixture *fixture)
{
  GString *labels = g_string_new (NULL);
  GListModel *rows;

  /* A refresh may replace the rows: ask for them after it. */
  jh_outline_refresh (fixture->outline);
  rows = jh_outline_get_rows (fixture->outline);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) node = gtk_tree_list_row_get_item (row);
      g_autofree char *label = jh_outline_dup_label (JH_NODE (node));

      g_string_append_printf (labels, "%s%s", i ? "|" : "", label);
    }

  return g_string_free (labels, FALSE);
}

static JhTask *
main_task (Fixture *fixture,
           guint    position)
{
  JhSection *section = jh_plan_find_section (fixture->plan, JH_SECTION_KIND_MAIN_TASKS);
  g_autoptr(JhTask) task = g_list_model_get_item (jh_section_get_tasks (section), position);

  return task;
}

static gboolean
has_label (const char *labels,
           const char *label)
{
  g_auto(GStrv) parts = g_strsplit (labels, "|", -1);

  return g_strv_contains ((const char * const *) parts, label);
}

static void
activate (Fixture    *fixture,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->outline), action, NULL));
}

static void
test_numbering (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *labels = dup_labels (fixture);

  gui_test_save_rendering (fixture->window, "outline.png");

  g_assert_true (g_str_has_prefix (labels, "Preamble|一、指导思想|二、工作目标|三、主要任务|（一）加强理论学习，提高履职能力|"));
  g_assert_true (has_label (labels, "（二）聚焦中心工作，深入开展协商议政"));
  g_assert_true (has_label (labels, "1.办好“有事好商量”协商议事活动"));
}

static void
test_move_and_undo (Fixture       *fixture,
                    gconstpointer  data)
{
  JhTask *first = main_task (fixture, 0);
  g_autofree char *before = dup_labels (fixture);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;

  jh_outline_select (fixture->outline, JH_NODE (first));
  g_assert_true (jh_outline_get_selected (fixture->outline) == JH_NODE (first));

  /* Move Down: the numbers follow the new order. */
  activate (fixture, "outline.move-down");
  after = dup_labels (fixture);
  g_assert_true (has_label (after, "（一）聚焦中心工作，深入开展协商议政"));
  g_assert_true (has_label (after, "（二）加强理论学习，提高履职能力"));
  g_assert_true (jh_outline_get_selected (fixture->outline) == JH_NODE (first));

  g_assert_true (jh_history_undo (fixture->history));
  undone = dup_labels (fixture);
  g_assert_cmpstr (undone, ==, before);
}

static void
test_indent_outdent (Fixture       *fixture,
                     gconstpointer  data)
{
  JhTask *second = main_task (fixture, 1);
  g_autofree char *before = dup_labels (fixture);
  g_autofree char *indented = NULL;
  g_autofree char *outdented = NULL;

  /* Indent: the task becomes the last sub-task of the one above. */
  jh_outline_select (fixture->outline, JH_NODE (second));
  activate (fixture, "outline.indent");
  indented = dup_labels (fixture);
  g_assert_true (has_label (indented, "1.聚焦中心工作，深入开展协商议政"));
  g_assert_cmpuint (jh_task_get_depth (second), ==, 2);
  g_assert_true (jh_outline_get_selected (fixture->outline) == JH_NODE (second));

  /* Its own sub-tasks came with it, a level down. */
  g_assert_true (has_label (indented, "（1）办好“有事好商量”协商议事活动"));

  activate (fixture, "outline.outdent");
  outdented = dup_labels (fixture);
  g_assert_cmpstr (outdented, ==, before);

  g_assert_true (jh_history_undo (fixture->history));
  g_assert_cmpuint (jh_task_get_depth (second), ==, 2);
  g_assert_true (jh_history_undo (fixture->history));
  g_assert_cmpuint (jh_task_get_depth (second), ==, 1);
}

static void
test_add_and_remove (Fixture       *fixture,
                     gconstpointer  data)
{
  JhTask *first = main_task (fixture, 0);
  JhSection *section = jh_plan_find_section (fixture->plan, JH_SECTION_KIND_MAIN_TASKS);
  guint n_tasks = g_list_model_get_n_items (jh_section_get_tasks (section));
  JhNode *added;

  jh_outline_select (fixture->outline, JH_NODE (first));
  activate (fixture, "outline.add-task");

  /* A new task after the selected one, selected to be written. */
  added = jh_outline_get_selected (fixture->outline);
  g_assert_true (JH_IS_TASK (added));
  g_assert_cmpuint (jh_node_get_position (added), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (jh_section_get_tasks (section)), ==, n_tasks + 1);

  activate (fixture, "outline.add-subtask");
  g_assert_cmpuint (jh_task_get_depth (JH_TASK (jh_outline_get_selected (fixture->outline))), ==, 2);

  /* Remove the task with its sub-task, then undo the removal. */
  jh_outline_select (fixture->outline, added);
  activate (fixture, "outline.remove");
  g_assert_cmpuint (g_list_model_get_n_items (jh_section_get_tasks (section)), ==, n_tasks);
  g_assert_true (jh_history_undo (fixture->history));
  g_assert_cmpuint (g_list_model_get_n_items (jh_section_get_tasks (section)), ==, n_tasks + 1);
  g_assert_cmpuint (g_list_model_get_n_items (jh_task_get_subtasks (JH_TASK (added))), ==, 1);
}

static void
test_limits (Fixture       *fixture,
             gconstpointer  data)
{
  JhTask *first = main_task (fixture, 0);

  /* The first task has nothing above it to go under, nor a parent to
   * leave.
   */
  jh_outline_select (fixture->outline, JH_NODE (first));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture->outline), "outline.move-up", NULL) &&
                  jh_node_get_position (JH_NODE (first)) != 0);
  g_assert_cmpuint (jh_node_get_position (JH_NODE (first)), ==, 0);
  activate (fixture, "outline.indent");
  g_assert_cmpuint (jh_task_get_depth (first), ==, 1);
  g_assert_false (jh_history_get_can_undo (fixture->history));
}

static void
test_drag_and_drop (Fixture       *fixture,
                    gconstpointer  data)
{
  JhTask *first = main_task (fixture, 0);
  JhTask *fourth = main_task (fixture, 3);
  JhSection *safeguards = jh_plan_find_section (fixture->plan, JH_SECTION_KIND_SAFEGUARDS);
  JhSection *ideology = jh_plan_find_section (fixture->plan, JH_SECTION_KIND_GUIDING_IDEOLOGY);
  g_autofree char *labels = NULL;

  /* A task dropped on a task goes before it. */
  g_assert_true (jh_outline_drop (fixture->outline, JH_NODE (fourth), JH_NODE (first)));
  labels = dup_labels (fixture);
  g_assert_true (has_label (labels, "（一）加强民主监督，助推重点工作落实"));
  g_assert_true (has_label (labels, "（二）加强理论学习，提高履职能力"));

  /* A task dropped on a section goes to its end. */
  g_assert_true (jh_outline_drop (fixture->outline, JH_NODE (first), JH_NODE (safeguards)));
  g_assert_true (jh_task_get_section (first) == safeguards);

  /* A section cannot go into a task, nor a task into itself. */
  g_assert_false (jh_outline_drop (fixture->outline, JH_NODE (ideology), JH_NODE (fourth)));
  g_assert_false (jh_outline_drop (fixture->outline, JH_NODE (fourth), JH_NODE (fourth)));

  /* Each drop is a step to undo. */
  g_assert_true (jh_history_undo (fixture->history));
  g_assert_true (jh_task_get_section (first) != safeguards);
  g_assert_true (jh_history_undo (fixture->history));
  g_assert_cmpuint (jh_node_get_position (JH_NODE (first)), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);

  g_test_add ("/jihua/outline/numbering", Fixture, NULL, fixture_set_up, test_numbering, fixture_tear_down);
  g_test_add ("/jihua/outline/move-and-undo", Fixture, NULL, fixture_set_up, test_move_and_undo, fixture_tear_down);
  g_test_add ("/jihua/outline/indent-outdent", Fixture, NULL, fixture_set_up, test_indent_outdent, fixture_tear_down);
  g_test_add ("/jihua/outline/add-and-remove", Fixture, NULL, fixture_set_up, test_add_and_remove, fixture_tear_down);
  g_test_add ("/jihua/outline/limits", Fixture, NULL, fixture_set_up, test_limits, fixture_tear_down);
  g_test_add ("/jihua/outline/drag-and-drop", Fixture, NULL, fixture_set_up, test_drag_and_drop, fixture_tear_down);

  return g_test_run ();
}
