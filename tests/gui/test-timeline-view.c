/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gui-test-utils.h"
#include "jh-timeline-view-private.h"
#include "jh-window.h"

/* A timeline in a window of its own, scrolled as in the real one. */
typedef struct
{
  GtkWidget      *window;
  JhTimelineView *view;
  JhHistory      *history;
  JhPlan         *plan;
} Fixture;

static void
fixture_set_up_plan (Fixture *fixture,
                     JhPlan  *plan)
{
  g_autoptr(JhSchedule) schedule = jh_schedule_new (plan);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  fixture->plan = plan;
  fixture->history = jh_history_new ();
  fixture->window = gtk_window_new ();
  fixture->view = JH_TIMELINE_VIEW (jh_timeline_view_new ());

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1300, 760);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (fixture->view));
  gtk_window_set_child (GTK_WINDOW (fixture->window), scrolled);

  jh_timeline_view_set_history (fixture->view, fixture->history);
  jh_timeline_view_set_schedule (fixture->view, schedule);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gui_test_wait_drawn (GTK_WIDGET (fixture->view));
}

static void
fixture_tear_down (Fixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->history);
  g_assert_finalize_object (fixture->plan);
}

/* A plan whose main tasks have the given timings and bodies; each spec
 * is "lead|timing|body".
 */
static JhPlan *
build_plan (const char * const *specs)
{
  JhPlan *plan = jh_plan_new (2027);
  g_autoptr(JhSection) section = jh_section_new (JH_SECTION_KIND_MAIN_TASKS, NULL);

  for (guint i = 0; specs[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (specs[i], "|", 3);
      g_autoptr(JhTask) task = jh_task_new (parts[0]);

      jh_task_set_timing (task, parts[1]);
      if (parts[2] != NULL && *parts[2] != '\0')
        {
          g_autoptr(JhParagraph) paragraph = jh_paragraph_new (parts[2]);

          jh_task_insert_paragraph (task, -1, paragraph);
        }
      jh_section_insert_task (section, -1, task);
    }
  jh_plan_insert_section (plan, -1, section);

  return plan;
}

static JhTask *
get_task (JhPlan *plan,
          guint   index_)
{
  JhSection *section = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  g_autoptr(JhTask) task = g_list_model_get_item (jh_section_get_tasks (section), index_);

  return task;
}

/* Where, in the widget, the middle of a mark is drawn. */
static void
get_mark_point (JhTimelineView *view,
                JhTask         *task,
                double          fraction,
                double         *x,
                double         *y)
{
  JhTimelineLayout *layout = jh_timeline_view_get_layout (view);
  int mark_index = jh_timeline_layout_find_mark (layout, task, 0, 0);
  const JhTimelineMark *mark;
  const JhTimelineRow *row;
  graphene_rect_t area;

  g_assert_cmpint (mark_index, >=, 0);
  mark = jh_timeline_layout_get_mark (layout, mark_index);
  row = jh_timeline_layout_get_row (layout, jh_timeline_layout_find_row (layout, task));
  jh_timeline_view_get_chart_area (view, &area);

  *x = area.origin.x + mark->x1 + (mark->x2 - mark->x1) * fraction;
  *y = area.origin.y + row->y + row->height / 2;
}

static double
xun_width (JhTimelineLayout *layout,
           guint             index_)
{
  const JhTimelineCell *cell = jh_timeline_layout_get_cell (layout, JH_TIMELINE_UNIT_XUN, index_);

  return cell->x2 - cell->x1;
}

static void
test_geometry (void)
{
  const char * const specs[] = { "开展专题协商|5月中旬|", NULL };
  Fixture fixture;
  JhTimelineLayout *layout;
  const JhTimelineMark *mark;
  graphene_rect_t area;
  GDate date;

  fixture_set_up_plan (&fixture, build_plan (specs));
  layout = jh_timeline_view_get_layout (fixture.view);
  jh_timeline_view_get_chart_area (fixture.view, &area);

  /* The time axis fills what the names leave, the year across it. */
  g_assert_nonnull (layout);
  g_assert_cmpfloat_with_epsilon (jh_timeline_layout_get_width (layout), area.size.width, 0.5);
  g_assert_cmpfloat (area.origin.x, >=, 200);
  g_assert_cmpfloat (area.origin.x + area.size.width, <=, gtk_widget_get_width (GTK_WIDGET (fixture.view)) + 0.5);
  g_assert_cmpfloat (area.origin.y, >, 0);

  /* 5月中旬 from the start of 5月11日 to the start of 5月21日. */
  mark = jh_timeline_layout_get_mark (layout, 0);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 11, 5, 2027);
  g_assert_cmpfloat_with_epsilon (mark->x1, jh_timeline_layout_x_for_date (layout, &date), 1e-9);
  g_date_set_dmy (&date, 21, 5, 2027);
  g_assert_cmpfloat_with_epsilon (mark->x2, jh_timeline_layout_x_for_date (layout, &date), 1e-9);
  g_assert_cmpfloat_with_epsilon (mark->x2 - mark->x1, area.size.width * 10 / 365, 1e-6);

  fixture_tear_down (&fixture);
}

static void
test_drag_moves_and_undo (void)
{
  const char * const specs[] = { "开展专题协商|6月中旬|", NULL };
  Fixture fixture;
  JhTask *task;
  JhTimelineLayout *layout;
  const JhTimeRange *preview;
  double x, y;

  fixture_set_up_plan (&fixture, build_plan (specs));
  task = get_task (fixture.plan, 0);
  layout = jh_timeline_view_get_layout (fixture.view);

  /* A press on the bar selects it; a drag of one 旬 and a bit snaps to
   * the next 旬.
   */
  get_mark_point (fixture.view, task, 0.5, &x, &y);
  g_assert_true (_jh_timeline_view_drag_begin (fixture.view, x, y));
  g_assert_true (jh_timeline_view_get_selected_task (fixture.view) == task);

  _jh_timeline_view_drag_update (fixture.view, xun_width (layout, 16) * 1.3, 2);
  preview = _jh_timeline_view_get_drag_preview (fixture.view);
  g_assert_nonnull (preview);
  g_assert_cmpuint (g_date_get_day (&preview->start), ==, 21);
  g_assert_cmpuint (g_date_get_day (&preview->end), ==, 30);
  g_assert_cmpstr (jh_task_get_timing (task), ==, "6月中旬");
  gui_test_save_rendering (fixture.window, "timeline-dragging.png");

  _jh_timeline_view_drag_end (fixture.view, xun_width (layout, 16) * 1.3, 2);
  g_assert_cmpstr (jh_task_get_timing (task), ==, "6月下旬");
  g_assert_null (_jh_timeline_view_get_drag_preview (fixture.view));

  /* The view shows it at once, and Undo takes it back. */
  layout = jh_timeline_view_get_layout (fixture.view);
  g_assert_cmpuint (g_date_get_day (&jh_timeline_layout_get_mark (layout, 0)->range.start), ==, 21);
  g_assert_true (jh_history_get_can_undo (fixture.history));
  g_assert_cmpstr (jh_history_get_undo_label (fixture.history), ==, "Move on the Timeline");
  g_assert_true (jh_history_undo (fixture.history));
  g_assert_cmpstr (jh_task_get_timing (task), ==, "6月中旬");
  g_assert_true (jh_history_redo (fixture.history));
  g_assert_cmpstr (jh_task_get_timing (task), ==, "6月下旬");
  g_assert_true (jh_history_undo (fixture.history));

  /* Dragging the end resizes: 6月中旬 becomes 6月中旬至下旬. */
  {
    g_autoptr(JhSchedule) schedule = jh_schedule_new (fixture.plan);

    jh_timeline_view_set_schedule (fixture.view, schedule);
  }
  layout = jh_timeline_view_get_layout (fixture.view);
  get_mark_point (fixture.view, task, 1.0, &x, &y);
  g_assert_true (_jh_timeline_view_drag_begin (fixture.view, x - 2, y));
  _jh_timeline_view_drag_end (fixture.view, xun_width (layout, 17) * 0.9, 0);
  g_assert_cmpstr (jh_task_get_timing (task), ==, "6月中旬至下旬");

  /* And the start, back to 6月上旬: all of June, which a plan says as
   * 6月.
   */
  layout = jh_timeline_view_get_layout (fixture.view);
  get_mark_point (fixture.view, task, 0.0, &x, &y);
  g_assert_true (_jh_timeline_view_drag_begin (fixture.view, x + 2, y));
  _jh_timeline_view_drag_end (fixture.view, -xun_width (layout, 15) * 0.8, 0);
  g_assert_cmpstr (jh_task_get_timing (task), ==, "6月");

  g_assert_true (jh_history_undo (fixture.history));
  g_assert_true (jh_history_undo (fixture.history));
  g_assert_cmpstr (jh_task_get_timing (task), ==, "6月中旬");

  fixture_tear_down (&fixture);
}

static void
activated_cb (JhTimelineView *view,
              JhTask         *task,
              JhTask        **activated)
{
  *activated = task;
}

static void
test_click_activates (void)
{
  const char * const specs[] = { "a|6月中旬|", "b|9月|", NULL };
  Fixture fixture;
  JhTask *activated = NULL;
  JhTask *task;
  double x, y;

  fixture_set_up_plan (&fixture, build_plan (specs));
  task = get_task (fixture.plan, 1);
  g_signal_connect (fixture.view, "task-activated", G_CALLBACK (activated_cb), &activated);

  /* A press and release without moving is a click: nothing moves. */
  get_mark_point (fixture.view, task, 0.5, &x, &y);
  g_assert_true (_jh_timeline_view_drag_begin (fixture.view, x, y));
  _jh_timeline_view_drag_end (fixture.view, 1, 0);
  g_assert_true (activated == task);
  g_assert_true (jh_timeline_view_get_selected_task (fixture.view) == task);
  g_assert_cmpstr (jh_task_get_timing (task), ==, "9月");
  g_assert_false (jh_history_get_can_undo (fixture.history));

  /* On the name too. */
  activated = NULL;
  g_assert_true (_jh_timeline_view_drag_begin (fixture.view, 20, y));
  _jh_timeline_view_drag_end (fixture.view, 0, 0);
  g_assert_true (activated == task);

  /* Not on the header. */
  activated = NULL;
  g_assert_false (_jh_timeline_view_drag_begin (fixture.view, x, 5));
  g_assert_null (activated);

  fixture_tear_down (&fixture);
}

static void
test_keyboard (void)
{
  const char * const specs[] = {
    "a|6月中旬|",
    "b|6月中旬和11月下旬|",
    "c|每月|",
    NULL
  };
  Fixture fixture;
  JhTask *a, *b, *c;
  JhActivity *activity;
  guint range_index = 99;

  fixture_set_up_plan (&fixture, build_plan (specs));
  a = get_task (fixture.plan, 0);
  b = get_task (fixture.plan, 1);
  c = get_task (fixture.plan, 2);

  /* Down selects the first row, then the next. */
  gtk_widget_grab_focus (GTK_WIDGET (fixture.view));
  g_assert_null (jh_timeline_view_get_selected_task (fixture.view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "timeline.select-row", "i", 1));
  g_assert_true (jh_timeline_view_get_selected_task (fixture.view) == a);

  /* Shift+Right moves the selected activity by a 旬, twice. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "timeline.move", "i", 1));
  g_assert_cmpstr (jh_task_get_timing (a), ==, "6月下旬");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "timeline.move", "i", 1));
  g_assert_cmpstr (jh_task_get_timing (a), ==, "7月上旬");
  g_assert_true (jh_history_undo (fixture.history));
  g_assert_cmpstr (jh_task_get_timing (a), ==, "6月下旬");
  g_assert_true (jh_history_undo (fixture.history));
  g_assert_cmpstr (jh_task_get_timing (a), ==, "6月中旬");

  /* The second of two dates moves alone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "timeline.select-row", "i", 1));
  g_assert_true (jh_timeline_view_get_selected_task (fixture.view) == b);
  activity = jh_timeline_view_get_selected_activity (fixture.view, &range_index);
  g_assert_nonnull (activity);
  g_assert_cmpuint (range_index, ==, 0);
  jh_timeline_view_select_activity (fixture.view, activity, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "timeline.move", "i", -1));
  g_assert_cmpstr (jh_task_get_timing (b), ==, "6月中旬和11月中旬");

  /* A recurring activity does not move; Down stops at the last row. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "timeline.select-row", "i", 1));
  g_assert_true (jh_timeline_view_get_selected_task (fixture.view) == c);
  activity = jh_timeline_view_get_selected_activity (fixture.view, &range_index);
  g_assert_false (jh_timeline_view_move_activity (fixture.view, activity, range_index, 1));
  g_assert_cmpstr (jh_task_get_timing (c), ==, "每月");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "timeline.select-row", "i", 1));
  g_assert_true (jh_timeline_view_get_selected_task (fixture.view) == c);

  /* Home goes to the first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "timeline.select-row", "i", -1000000));
  g_assert_true (jh_timeline_view_get_selected_task (fixture.view) == a);

  fixture_tear_down (&fixture);
}

static void
test_body_not_draggable (void)
{
  const char * const specs[] = { "a|6月中旬|一是3月中旬组织集中学习。", NULL };
  Fixture fixture;
  JhTimelineLayout *layout;
  JhTask *task;
  GPtrArray *activities;
  JhActivity *body;
  const JhTimelineMark *mark;
  graphene_rect_t area;
  int mark_index;

  fixture_set_up_plan (&fixture, build_plan (specs));
  task = get_task (fixture.plan, 0);
  activities = jh_schedule_get_activities (jh_timeline_view_get_schedule (fixture.view), task);
  g_assert_cmpuint (activities->len, ==, 2);
  body = g_ptr_array_index (activities, 1);
  g_assert_cmpint (jh_activity_get_source (body), ==, JH_ACTIVITY_SOURCE_BODY);

  /* The text is the user's: its dates are not rewritten. */
  g_assert_false (jh_timeline_view_move_activity (fixture.view, body, 0, 1));

  layout = jh_timeline_view_get_layout (fixture.view);
  mark_index = jh_timeline_layout_find_mark (layout, task, 1, 0);
  mark = jh_timeline_layout_get_mark (layout, mark_index);
  g_assert_false (mark->editable);
  jh_timeline_view_get_chart_area (fixture.view, &area);
  g_assert_true (_jh_timeline_view_drag_begin (fixture.view, area.origin.x + (mark->x1 + mark->x2) / 2,
                                               area.origin.y + jh_timeline_layout_get_row (layout, 0)->height / 2));
  _jh_timeline_view_drag_update (fixture.view, 200, 0);
  g_assert_null (_jh_timeline_view_get_drag_preview (fixture.view));
  _jh_timeline_view_drag_end (fixture.view, 200, 0);
  g_assert_cmpstr (jh_task_get_timing (task), ==, "6月中旬");
  g_assert_false (jh_history_get_can_undo (fixture.history));

  fixture_tear_down (&fixture);
}

static void
test_zoom (void)
{
  Fixture fixture;
  JhTimelineLayout *layout;
  g_autofree char *quarter = NULL;
  g_autofree char *half = NULL;
  GDate today;

  fixture_set_up_plan (&fixture, jh_plan_new_sample ());
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 18, 5, 2027);
  jh_timeline_view_set_today (fixture.view, &today);

  /* From the year to the quarter of today, then to its half. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "timeline.zoom", "s", "quarter"));
  g_assert_cmpint (jh_timeline_view_get_zoom (fixture.view), ==, JH_TIMELINE_ZOOM_QUARTER);
  g_assert_cmpuint (jh_timeline_view_get_period (fixture.view), ==, 2);
  quarter = jh_timeline_view_dup_span_label (fixture.view);
  g_assert_cmpstr (quarter, ==, "2027年第二季度");
  layout = jh_timeline_view_get_layout (fixture.view);
  g_assert_cmpuint (jh_timeline_layout_get_n_cells (layout, JH_TIMELINE_UNIT_XUN), ==, 9);
  gui_test_save_rendering (fixture.window, "timeline-quarter.png");

  jh_timeline_view_set_zoom (fixture.view, JH_TIMELINE_ZOOM_HALF);
  g_assert_cmpuint (jh_timeline_view_get_period (fixture.view), ==, 1);
  jh_timeline_view_set_period (fixture.view, 2);
  half = jh_timeline_view_dup_span_label (fixture.view);
  g_assert_cmpstr (half, ==, "2027年下半年");
  layout = jh_timeline_view_get_layout (fixture.view);
  g_assert_cmpuint (jh_timeline_layout_get_n_cells (layout, JH_TIMELINE_UNIT_MONTH), ==, 6);
  gui_test_save_rendering (fixture.window, "timeline-half.png");

  jh_timeline_view_set_zoom (fixture.view, JH_TIMELINE_ZOOM_QUARTER);
  g_assert_cmpuint (jh_timeline_view_get_period (fixture.view), ==, 3);

  fixture_tear_down (&fixture);
}

static void
test_many_tasks (void)
{
  g_autoptr(JhSection) section = jh_section_new (JH_SECTION_KIND_MAIN_TASKS, NULL);
  JhPlan *plan = jh_plan_new (2027);
  Fixture fixture;
  GtkAdjustment *adjustment;
  JhTask *task;
  guint n_drawn;

  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *lead = g_strdup_printf ("第%u项工作任务", i + 1);
      g_autoptr(JhTask) new_task = jh_task_new (lead);

      jh_task_set_timing (new_task, i % 4 ? "5月中旬" : "每季度");
      jh_section_insert_task (section, -1, new_task);
    }
  jh_plan_insert_section (plan, -1, section);
  fixture_set_up_plan (&fixture, plan);

  /* Only the rows in sight are drawn. */
  n_drawn = _jh_timeline_view_get_n_drawn_rows (fixture.view);
  g_assert_cmpuint (n_drawn, >, 5);
  g_assert_cmpuint (n_drawn, <, 40);

  /* The rows scroll under the header; the view follows the selection. */
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fixture.view));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==,
                     jh_timeline_layout_get_height (jh_timeline_view_get_layout (fixture.view)));
  task = get_task (plan, 400);
  jh_timeline_view_set_selected_task (fixture.view, task);
  jh_timeline_view_scroll_to_task (fixture.view, task);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  gui_test_save_rendering (fixture.window, "timeline-many.png");
  g_assert_cmpuint (_jh_timeline_view_get_n_drawn_rows (fixture.view), <=, n_drawn + 1);

  {
    double x, y;

    get_mark_point (fixture.view, task, 0.5, &x, &y);
    y -= gtk_adjustment_get_value (adjustment);
    g_assert_true (_jh_timeline_view_drag_begin (fixture.view, x, y));
    g_assert_true (jh_timeline_view_get_selected_task (fixture.view) == task);
    _jh_timeline_view_drag_end (fixture.view, 0, 0);
  }

  fixture_tear_down (&fixture);
}

static void
test_render (void)
{
  Fixture fixture;
  GDate today;

  fixture_set_up_plan (&fixture, jh_plan_new_sample ());

  /* A day of the plan year, so that the today line shows. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 18, 5, 2027);
  jh_timeline_view_set_today (fixture.view, &today);
  jh_timeline_view_set_selected_task (fixture.view, get_task (fixture.plan, 3));
  gtk_widget_grab_focus (GTK_WIDGET (fixture.view));

  gui_test_save_rendering (fixture.window, "timeline-sample.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  gui_test_save_rendering (fixture.window, "timeline-sample-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* Outside the plan year there is no today line; nothing else goes. */
  g_date_set_dmy (&today, 3, 1, 2026);
  jh_timeline_view_set_today (fixture.view, &today);
  g_assert_true (g_date_compare (jh_timeline_view_get_today (fixture.view), &today) == 0);
  gui_test_save_rendering (fixture.window, "timeline-sample-no-today.png");
  jh_timeline_view_set_today (fixture.view, NULL);
  g_assert_null (jh_timeline_view_get_today (fixture.view));

  fixture_tear_down (&fixture);
}

/* Lets the window's refresh, which waits for idle, run. */
static void
spin_main_loop (void)
{
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_window (void)
{
  GtkWidget *window = g_object_new (JH_TYPE_WINDOW, NULL);
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  JhTimelineView *view = jh_window_get_timeline_view (JH_WINDOW (window));
  JhOutline *outline = jh_plan_view_get_outline (jh_window_get_plan_view (JH_WINDOW (window)));
  AdwViewStack *stack = ADW_VIEW_STACK (gui_test_find_widget (window, ADW_TYPE_VIEW_STACK));
  JhSection *section = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  g_autoptr(JhTask) task = g_list_model_get_item (jh_section_get_tasks (section), 4);
  JhSchedule *schedule;
  JhActivity *activity;
  guint range_index;
  GDate today;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  jh_window_set_plan (JH_WINDOW (window), plan, NULL);
  gtk_window_present (GTK_WINDOW (window));

  /* The schedule is computed when the timeline is shown. */
  g_assert_null (jh_timeline_view_get_schedule (view));
  adw_view_stack_set_visible_child_name (stack, "timeline");
  g_assert_nonnull (jh_timeline_view_get_schedule (view));
  g_assert_true (jh_schedule_get_plan (jh_timeline_view_get_schedule (view)) == plan);

  /* A click on a bar selects the task in the outline. */
  g_signal_emit_by_name (view, "task-activated", task);
  g_assert_true (jh_outline_get_selected (outline) == JH_NODE (task));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "timeline");

  /* And the outline's selection is the timeline's. */
  {
    g_autoptr(JhTask) other = g_list_model_get_item (jh_section_get_tasks (section), 3);

    jh_outline_select (outline, JH_NODE (other));
    g_assert_true (jh_timeline_view_get_selected_task (view) == other);
  }

  /* A move goes through the window's history: Ctrl+Z takes it back. */
  jh_timeline_view_set_selected_task (view, task);
  activity = jh_timeline_view_get_selected_activity (view, &range_index);
  g_assert_cmpstr (jh_task_get_timing (task), ==, "10月底以前");
  g_assert_true (jh_timeline_view_move_activity (view, activity, range_index, 1));
  g_assert_cmpstr (jh_task_get_timing (task), ==, "11月上旬前");
  g_assert_true (jh_window_get_modified (JH_WINDOW (window)));

  /* The timeline's own schedule is current: the window keeps it. */
  schedule = jh_timeline_view_get_schedule (view);
  spin_main_loop ();
  g_assert_true (jh_timeline_view_get_schedule (view) == schedule);

  /* Undo changes the plan under the timeline, which follows. */
  g_assert_true (gtk_widget_activate_action (window, "win.undo", NULL));
  g_assert_cmpstr (jh_task_get_timing (task), ==, "10月底以前");
  spin_main_loop ();
  g_assert_true (jh_timeline_view_get_schedule (view) != schedule);
  {
    JhTimelineLayout *layout = jh_timeline_view_get_layout (view);
    const JhTimelineMark *mark = jh_timeline_layout_get_mark (layout, jh_timeline_layout_find_mark (layout, task, 0, 0));

    g_assert_cmpuint (g_date_get_month (&mark->range.end), ==, 10);
  }

  /* The zoom's buttons step through the quarters. */
  jh_timeline_view_set_zoom (view, JH_TIMELINE_ZOOM_QUARTER);
  jh_timeline_view_set_period (view, 1);
  g_assert_true (gtk_widget_activate_action (window, "win.timeline-next", NULL));
  g_assert_cmpuint (jh_timeline_view_get_period (view), ==, 2);
  g_assert_true (gtk_widget_activate_action (window, "win.timeline-previous", NULL));
  g_assert_cmpuint (jh_timeline_view_get_period (view), ==, 1);
  jh_timeline_view_set_zoom (view, JH_TIMELINE_ZOOM_YEAR);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 18, 5, 2027);
  jh_timeline_view_set_today (view, &today);
  gui_test_save_rendering (window, "window-timeline.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  gui_test_save_rendering (window, "window-timeline-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gui_test_init (&argc, &argv);

  /* The application's style, as AdwApplication loads it. */
  gtk_css_provider_load_from_resource (provider, "/io/github/jihua/Jihua/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add_func ("/jihua/timeline-view/geometry", test_geometry);
  g_test_add_func ("/jihua/timeline-view/drag-moves-and-undo", test_drag_moves_and_undo);
  g_test_add_func ("/jihua/timeline-view/click-activates", test_click_activates);
  g_test_add_func ("/jihua/timeline-view/keyboard", test_keyboard);
  g_test_add_func ("/jihua/timeline-view/body-not-draggable", test_body_not_draggable);
  g_test_add_func ("/jihua/timeline-view/zoom", test_zoom);
  g_test_add_func ("/jihua/timeline-view/many-tasks", test_many_tasks);
  g_test_add_func ("/jihua/timeline-view/render", test_render);
  g_test_add_func ("/jihua/timeline-view/window", test_window);

  return g_test_run ();
}
