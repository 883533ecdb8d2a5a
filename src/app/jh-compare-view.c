/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>

#include "jh-compare-view.h"
#include "jh-window.h"

/**
 * SECTION:jh-compare-view
 *
 * The plan beside another, usually last year's: a row for each task,
 * the old words on the left and the new on the right with what changed
 * marked inside the paragraphs, and what became of the task.  The plan
 * is compared again a moment after it changes.  Activating a row
 * emits #JhCompareView::task-activated with the task of the plan.
 */

/* After an edit, the comparison waits for the typing to pause. */
#define RECOMPARE_DELAY_MS 500

struct _JhCompareView
{
  AdwBin           parent_instance;

  JhPlan          *plan;
  JhPlan          *old_plan;
  char            *old_name;
  JhPlanDiff      *diff;
  JhCompareFilter  filter;
  guint            recompare_id;
  GPtrArray       *shown;     /* JhTaskMatch of the rows, in order */

  GtkStack        *stack;
  GtkLabel        *against_label;
  GtkLabel        *counts_label;
  GtkDropDown     *filter_dropdown;
  GtkListBox      *list;
};

G_DEFINE_FINAL_TYPE (JhCompareView, jh_compare_view, ADW_TYPE_BIN)

enum {
  TASK_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
append_chunk (GString    *markup,
              const char *text,
              const char *span)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  if (span == NULL)
    g_string_append (markup, escaped);
  else
    g_string_append_printf (markup, "<span %s>%s</span>", span, escaped);
}

/* The old and the new words, each with what the other lacks marked. */
static void
format_diff (const char  *old_text,
             const char  *new_text,
             char       **old_markup,
             char       **new_markup)
{
  g_autoptr(GPtrArray) chunks = jh_text_diff (old_text, new_text);
  GString *before = g_string_new (NULL);
  GString *after = g_string_new (NULL);

  for (guint i = 0; i < chunks->len; i++)
    {
      JhDiffChunk *chunk = g_ptr_array_index (chunks, i);

      if (chunk->op != JH_DIFF_INSERT)
        append_chunk (before, chunk->text,
                      chunk->op == JH_DIFF_DELETE ? "strikethrough=\"true\" background=\"#f66151\" bgalpha=\"35%\"" : NULL);
      if (chunk->op != JH_DIFF_DELETE)
        append_chunk (after, chunk->text,
                      chunk->op == JH_DIFF_INSERT ? "background=\"#33d17a\" bgalpha=\"35%\"" : NULL);
    }

  *old_markup = g_string_free (before, FALSE);
  *new_markup = g_string_free (after, FALSE);
}

static char *
dup_status (JhTaskMatch *match)
{
  JhTaskChangeFlags flags = jh_task_match_get_flags (match);
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  g_autofree char *joined = NULL;

  switch (jh_task_match_get_change (match))
    {
    case JH_TASK_CHANGE_NEW:
      return g_strdup (_("New"));
    case JH_TASK_CHANGE_DROPPED:
      return g_strdup (_("Dropped"));
    case JH_TASK_CHANGE_SAME:
      return g_strdup (_("Carried over unchanged"));
    case JH_TASK_CHANGE_CARRIED:
    default:
      break;
    }

  if (flags & JH_TASK_CHANGE_REWORDED)
    g_strv_builder_add (parts, _("reworded"));
  if (flags & JH_TASK_CHANGE_MOVED)
    g_strv_builder_add (parts, _("moved"));
  if (flags & JH_TASK_CHANGE_RETIMED)
    g_strv_builder_add (parts, _("retimed"));
  if (flags & JH_TASK_CHANGE_OWNER)
    g_strv_builder_add (parts, _("another lead unit"));
  for (guint i = 0; i < jh_task_match_get_n_target_changes (match); i++)
    {
      const JhTargetChange *change = jh_task_match_get_target_change (match, i);
      g_autofree char *part = NULL;

      if (change->direction > 0)
        part = g_strdup_printf (_("%s target raised"), change->metric);
      else if (change->direction < 0)
        part = g_strdup_printf (_("%s target lowered"), change->metric);
      else
        part = g_strdup_printf (_("%s target changed"), change->metric);
      g_strv_builder_add (parts, part);
    }

  strv = g_strv_builder_end (parts);
  joined = g_strjoinv (_(", "), strv);
  /* Translators: the changes to a task carried over, "reworded, moved" */
  return g_strdup_printf (_("Carried over: %s"), joined);
}

static GtkWidget *
new_text_label (const char *markup)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_size_request (label, 200, -1);

  return label;
}

static GtkWidget *
new_row (JhTaskMatch *match)
{
  JhTask *old_task = jh_task_match_get_old_task (match);
  JhTask *new_task = jh_task_match_get_new_task (match);
  g_autofree char *old_text = old_task ? jh_task_dup_text_for_diff (old_task) : g_strdup ("");
  g_autofree char *new_text = new_task ? jh_task_dup_text_for_diff (new_task) : g_strdup ("");
  g_autofree char *old_markup = NULL;
  g_autofree char *new_markup = NULL;
  g_autofree char *status = dup_status (match);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *status_label = gtk_label_new (status);

  format_diff (old_text, new_text, &old_markup, &new_markup);

  gtk_label_set_xalign (GTK_LABEL (status_label), 0);
  gtk_widget_add_css_class (status_label, "caption-heading");
  switch (jh_task_match_get_change (match))
    {
    case JH_TASK_CHANGE_NEW:
      gtk_widget_add_css_class (status_label, "success");
      break;
    case JH_TASK_CHANGE_DROPPED:
      gtk_widget_add_css_class (status_label, "error");
      break;
    case JH_TASK_CHANGE_CARRIED:
      gtk_widget_add_css_class (status_label, "accent");
      break;
    case JH_TASK_CHANGE_SAME:
    default:
      gtk_widget_add_css_class (status_label, "dim-label");
      break;
    }

  /* Last year on the left, this year on the right, in equal halves. */
  gtk_box_append (GTK_BOX (columns), new_text_label (old_markup));
  gtk_box_append (GTK_BOX (columns), new_text_label (new_markup));
  gtk_box_set_homogeneous (GTK_BOX (columns), TRUE);

  gtk_box_append (GTK_BOX (box), status_label);
  gtk_box_append (GTK_BOX (box), columns);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), new_task != NULL);

  return row;
}

static gboolean
is_shown (JhCompareView *self,
          JhTaskMatch   *match)
{
  JhTaskChange change = jh_task_match_get_change (match);

  switch (self->filter)
    {
    case JH_COMPARE_FILTER_CHANGES:
      return change != JH_TASK_CHANGE_SAME;
    case JH_COMPARE_FILTER_UNCHANGED:
      return change == JH_TASK_CHANGE_SAME;
    case JH_COMPARE_FILTER_ALL:
    default:
      return TRUE;
    }
}

static void
update_rows (JhCompareView *self)
{
  GtkWidget *child;
  GPtrArray *matches;
  g_autofree char *counts = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->shown, 0);

  if (self->diff == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  matches = jh_plan_diff_get_matches (self->diff);
  for (guint i = 0; i < matches->len; i++)
    {
      JhTaskMatch *match = g_ptr_array_index (matches, i);

      if (!is_shown (self, match))
        continue;

      g_ptr_array_add (self->shown, jh_task_match_ref (match));
      gtk_list_box_append (self->list, new_row (match));
    }

  counts = g_strdup_printf (_("%u new · %u dropped · %u changed · %u unchanged · %u paragraphs copied"),
                            jh_plan_diff_count (self->diff, JH_TASK_CHANGE_NEW),
                            jh_plan_diff_count (self->diff, JH_TASK_CHANGE_DROPPED),
                            jh_plan_diff_count (self->diff, JH_TASK_CHANGE_CARRIED),
                            jh_plan_diff_count (self->diff, JH_TASK_CHANGE_SAME),
                            jh_plan_diff_get_n_copied (self->diff));
  gtk_label_set_label (self->counts_label, counts);
  gtk_stack_set_visible_child_name (self->stack, "comparison");
}

static void
compare (JhCompareView *self)
{
  g_clear_object (&self->diff);
  if (self->plan != NULL && self->old_plan != NULL)
    self->diff = jh_plan_diff_new (self->old_plan, self->plan);
  update_rows (self);
}

static gboolean
recompare_cb (gpointer user_data)
{
  JhCompareView *self = user_data;

  self->recompare_id = 0;
  compare (self);

  return G_SOURCE_REMOVE;
}

static void
plan_changed_cb (JhCompareView *self)
{
  if (self->old_plan == NULL)
    return;

  g_clear_handle_id (&self->recompare_id, g_source_remove);
  self->recompare_id = g_timeout_add (RECOMPARE_DELAY_MS, recompare_cb, self);
}

static void
old_plan_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(JhCompareView) self = user_data;
  g_autoptr(JhPlan) old_plan = NULL;
  g_autoptr(GError) error = NULL;
  GFile *file = g_object_get_data (G_OBJECT (self), "jh-chosen-file");
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : g_strdup ("");

  old_plan = jh_plan_load_from_file_finish (result, &error);
  if (old_plan == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("Could Not Open the Plan"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  jh_compare_view_compare_with (self, old_plan, name);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     JhCompareView   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      g_object_set_data_full (G_OBJECT (self), "jh-chosen-file", g_object_ref (file), g_object_unref);
      jh_plan_load_from_file_async (file, NULL, old_plan_loaded_cb, g_object_ref (self));
    }

  g_object_unref (chooser);
}

static void
choose_clicked_cb (JhCompareView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose a Plan to Compare With"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Compare"), _("_Cancel"));
  jh_file_chooser_add_plan_filter (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
filter_selected_cb (JhCompareView *self)
{
  jh_compare_view_set_filter (self, gtk_drop_down_get_selected (self->filter_dropdown));
}

static void
row_activated_cb (JhCompareView *self,
                  GtkListBoxRow *row)
{
  jh_compare_view_activate_row (self, gtk_list_box_row_get_index (row));
}

static void
jh_compare_view_dispose (GObject *object)
{
  JhCompareView *self = (JhCompareView *) object;

  g_clear_handle_id (&self->recompare_id, g_source_remove);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_object (&self->plan);
  g_clear_object (&self->old_plan);
  g_clear_object (&self->diff);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->old_name, g_free);

  G_OBJECT_CLASS (jh_compare_view_parent_class)->dispose (object);
}

static void
jh_compare_view_class_init (JhCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jh_compare_view_dispose;

  /**
   * JhCompareView::task-activated:
   * @self: the view
   * @task: the task of the plan whose row was activated
   */
  signals[TASK_ACTIVATED] = g_signal_new ("task-activated",
                                          G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, JH_TYPE_TASK);
}

static GtkWidget *
new_choose_button (JhCompareView *self,
                   const char    *label)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  g_signal_connect_swapped (button, "clicked", G_CALLBACK (choose_clicked_cb), self);

  return button;
}

static void
jh_compare_view_init (JhCompareView *self)
{
  const char * const filters[] = { N_("All Tasks"), N_("Only Changes"), N_("Only Unchanged"), NULL };
  g_autoptr(GtkStringList) filter_model = gtk_string_list_new (NULL);
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *button = new_choose_button (self, _("_Choose a Plan…"));
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  self->shown = g_ptr_array_new_with_free_func ((GDestroyNotify) jh_task_match_unref);
  self->stack = GTK_STACK (gtk_stack_new ());

  /* Before a plan is chosen. */
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "edit-copy-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("Compare With Another Plan"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Choose last year’s plan to see which tasks are new, which were dropped, and what changed in those carried over."));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  adw_status_page_set_child (ADW_STATUS_PAGE (empty), button);
  gtk_stack_add_named (self->stack, empty, "empty");

  /* The comparison: what it is against, counts, a filter; the rows. */
  self->against_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->against_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->against_label), "heading");
  self->counts_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->counts_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->counts_label), "dim-label");
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->against_label));
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->counts_label));
  gtk_widget_set_hexpand (labels, TRUE);

  for (guint i = 0; filters[i] != NULL; i++)
    gtk_string_list_append (filter_model, _(filters[i]));
  self->filter_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (filter_model)), NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->filter_dropdown), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_dropdown), _("Which Tasks to Show"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Which Tasks to Show"), -1);
  g_signal_connect_swapped (self->filter_dropdown, "notify::selected", G_CALLBACK (filter_selected_cb), self);

  button = new_choose_button (self, _("C_hoose Another…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (bar), labels);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->filter_dropdown));
  gtk_box_append (GTK_BOX (bar), button);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 12);
  gtk_widget_set_margin_bottom (bar, 12);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_margin_top (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->list), 18);
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1200);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->list));
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);

  gtk_box_append (GTK_BOX (page), bar);
  gtk_box_append (GTK_BOX (page), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (page), scrolled);
  gtk_stack_add_named (self->stack, page, "comparison");

  gtk_stack_set_visible_child_name (self->stack, "empty");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
}

GtkWidget *
jh_compare_view_new (void)
{
  return g_object_new (JH_TYPE_COMPARE_VIEW, NULL);
}

/**
 * jh_compare_view_set_plan:
 * @self: a #JhCompareView
 * @plan: (nullable): the plan of the window, compared with the other
 */
void
jh_compare_view_set_plan (JhCompareView *self,
                          JhPlan        *plan)
{
  g_return_if_fail (JH_IS_COMPARE_VIEW (self));
  g_return_if_fail (plan == NULL || JH_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    g_signal_connect_swapped (plan, "changed", G_CALLBACK (plan_changed_cb), self);

  compare (self);
}

/**
 * jh_compare_view_compare_with:
 * @self: a #JhCompareView
 * @old_plan: the plan to compare with, usually last year's
 * @old_name: its name for the user, its file's
 */
void
jh_compare_view_compare_with (JhCompareView *self,
                              JhPlan        *old_plan,
                              const char    *old_name)
{
  g_autofree char *against = NULL;

  g_return_if_fail (JH_IS_COMPARE_VIEW (self));
  g_return_if_fail (JH_IS_PLAN (old_plan));

  g_set_object (&self->old_plan, old_plan);
  g_free (self->old_name);
  self->old_name = g_strdup (old_name);
  /* Translators: %s is the name of the plan compared with */
  against = g_strdup_printf (_("Compared with “%s”"), old_name);
  gtk_label_set_label (self->against_label, against);

  compare (self);
}

/**
 * jh_compare_view_get_diff:
 * @self: a #JhCompareView
 *
 * Returns: (transfer none) (nullable): the comparison shown
 */
JhPlanDiff *
jh_compare_view_get_diff (JhCompareView *self)
{
  g_return_val_if_fail (JH_IS_COMPARE_VIEW (self), NULL);

  return self->diff;
}

void
jh_compare_view_set_filter (JhCompareView   *self,
                            JhCompareFilter  filter)
{
  g_return_if_fail (JH_IS_COMPARE_VIEW (self));
  g_return_if_fail (filter <= JH_COMPARE_FILTER_UNCHANGED);

  if (self->filter == filter)
    return;

  self->filter = filter;
  if (gtk_drop_down_get_selected (self->filter_dropdown) != filter)
    gtk_drop_down_set_selected (self->filter_dropdown, filter);
  update_rows (self);
}

/**
 * jh_compare_view_get_n_shown:
 * @self: a #JhCompareView
 *
 * Returns: how many rows the filter shows
 */
guint
jh_compare_view_get_n_shown (JhCompareView *self)
{
  g_return_val_if_fail (JH_IS_COMPARE_VIEW (self), 0);

  return self->shown->len;
}

/**
 * jh_compare_view_activate_row:
 * @self: a #JhCompareView
 * @index_: a row shown
 *
 * Does what activating the row does: a task of the plan is announced by
 * #JhCompareView::task-activated; a dropped task has none.
 */
void
jh_compare_view_activate_row (JhCompareView *self,
                              guint          index_)
{
  JhTask *task;

  g_return_if_fail (JH_IS_COMPARE_VIEW (self));
  g_return_if_fail (index_ < self->shown->len);

  task = jh_task_match_get_new_task (g_ptr_array_index (self->shown, index_));
  if (task != NULL)
    g_signal_emit (self, signals[TASK_ACTIVATED], 0, task);
}
