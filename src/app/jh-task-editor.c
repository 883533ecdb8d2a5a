/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>

#include "jh-application.h"
#include "jh-body-editor.h"
#include "jh-task-editor.h"

/**
 * JhTaskEditor:
 *
 * The form of a task: its lead sentence, owner, participants, timing
 * (with the dates Jihua reads in it), targets and body.  Every edit goes
 * through the plan's #JhHistory; what changes in the task elsewhere (an
 * undo, the timeline) shows up in the form.
 */

struct _JhTaskEditor
{
  AdwBin                parent_instance;

  JhTask               *task;
  JhHistory            *history;
  GPtrArray            *target_rows;
  gboolean              updating;

  /* Template widgets */
  AdwEntryRow          *lead_row;
  GSettings            *settings;
  AdwEntryRow          *owner_row;
  GtkPopover           *owners_popover;
  GtkListBox           *owners_list;
  AdwEntryRow          *participants_row;
  AdwEntryRow          *timing_row;
  AdwActionRow         *dates_row;
  AdwPreferencesGroup  *targets_group;
  JhBodyEditor         *body_editor;
};

G_DEFINE_FINAL_TYPE (JhTaskEditor, jh_task_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TASK,
  PROP_HISTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Which entry edits which property of the task. */
static const struct {
  gsize       offset;
  const char *property;
} fields[] = {
  { G_STRUCT_OFFSET (JhTaskEditor, lead_row), "lead" },
  { G_STRUCT_OFFSET (JhTaskEditor, owner_row), "owner" },
  { G_STRUCT_OFFSET (JhTaskEditor, participants_row), "participants" },
  { G_STRUCT_OFFSET (JhTaskEditor, timing_row), "timing" },
};

#define FIELD_ROW(self, i) (*(AdwEntryRow **) G_STRUCT_MEMBER_P (self, fields[i].offset))

static guint
get_plan_year (JhTask *task)
{
  JhNode *root = jh_node_get_root (JH_NODE (task));

  return JH_IS_PLAN (root) ? jh_plan_get_year (JH_PLAN (root)) : 2027;
}

static char *
dup_date_text (const GDate *date)
{
  return g_strdup_printf (_("%u/%u/%u"),
                          g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/* Says what Jihua understands of the timing, so that the drafter sees a
 * phrase it cannot read before the timeline and the checks do.
 */
static void
update_dates (JhTaskEditor *self)
{
  g_autoptr(JhTiming) timing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) dates = NULL;
  const char *text;

  text = self->task ? jh_task_get_timing (self->task) : "";
  if (*text == '\0')
    {
      adw_action_row_set_subtitle (self->dates_row, _("No timing: the task is not on the timeline"));
      return;
    }

  timing = jh_timing_parse (text, get_plan_year (self->task), &error);
  if (timing == NULL)
    {
      adw_action_row_set_subtitle (self->dates_row, error->message);
      return;
    }

  dates = g_string_new (NULL);
  for (guint i = 0; i < jh_timing_get_n_ranges (timing) && i < 12; i++)
    {
      const JhTimeRange *range = jh_timing_get_range (timing, i);
      g_autofree char *end_text = NULL;
      GDate start, end;

      if (i > 0)
        g_string_append (dates, "; ");

      jh_time_range_get_end (range, &end);
      end_text = dup_date_text (&end);
      if (!jh_time_range_get_start (range, &start))
        {
          g_string_append_printf (dates, _("by %s"), end_text);
        }
      else if (g_date_compare (&start, &end) == 0)
        {
          g_string_append (dates, end_text);
        }
      else
        {
          g_autofree char *start_text = dup_date_text (&start);

          g_string_append_printf (dates, _("%s to %s"), start_text, end_text);
        }
    }

  if (jh_timing_get_n_ranges (timing) > 12)
    g_string_append (dates, "…");

  adw_action_row_set_subtitle (self->dates_row, dates->str);
}

static void
set_entry_text (GtkEditable *editable,
                const char  *text)
{
  /* Only when it differs, so the cursor stays where the user typed. */
  if (g_strcmp0 (gtk_editable_get_text (editable), text) != 0)
    gtk_editable_set_text (editable, text);
}

/* Targets: a row each, with the metric, the comparison, the number and
 * the unit edited in place.
 */

static const char * const comparison_symbols[] = { "≥", "≤", "=", NULL };

typedef struct
{
  JhTaskEditor   *editor;
  JhTarget       *target;
  GtkWidget      *row;
  GtkEditable    *metric;
  GtkDropDown    *comparison;
  GtkSpinButton  *number;
  GtkEditable    *unit;
} TargetRow;

static void
target_row_free (TargetRow *target_row)
{
  g_signal_handlers_disconnect_by_data (target_row->target, target_row);
  g_clear_object (&target_row->target);
  g_free (target_row);
}

static void
target_row_update (TargetRow *target_row)
{
  JhTarget *target = target_row->target;

  target_row->editor->updating = TRUE;
  set_entry_text (target_row->metric, jh_target_get_metric (target));
  gtk_drop_down_set_selected (target_row->comparison, jh_target_get_comparison (target));
  if (gtk_spin_button_get_value (target_row->number) != jh_target_get_number (target))
    gtk_spin_button_set_value (target_row->number, jh_target_get_number (target));
  set_entry_text (target_row->unit, jh_target_get_unit (target));
  target_row->editor->updating = FALSE;
}

static void
target_notify_cb (JhTarget   *target,
                  GParamSpec *pspec,
                  TargetRow  *target_row)
{
  target_row_update (target_row);
}

static void
target_edited_cb (GtkWidget *widget,
                  TargetRow *target_row)
{
  JhTaskEditor *self = target_row->editor;

  if (self->updating || self->history == NULL)
    return;

  if (widget == GTK_WIDGET (target_row->metric))
    jh_history_set (self->history, JH_NODE (target_row->target),
                    "metric", gtk_editable_get_text (target_row->metric), NULL);
  else if (widget == GTK_WIDGET (target_row->unit))
    jh_history_set (self->history, JH_NODE (target_row->target),
                    "unit", gtk_editable_get_text (target_row->unit), NULL);
  else if (widget == GTK_WIDGET (target_row->number))
    jh_history_set (self->history, JH_NODE (target_row->target),
                    "number", gtk_spin_button_get_value (target_row->number), NULL);
}

static void
comparison_selected_cb (GtkDropDown *drop_down,
                        GParamSpec  *pspec,
                        TargetRow   *target_row)
{
  JhTaskEditor *self = target_row->editor;

  if (self->updating || self->history == NULL)
    return;

  jh_history_set (self->history, JH_NODE (target_row->target),
                  "comparison", (JhComparison) gtk_drop_down_get_selected (drop_down), NULL);
}

static void
remove_target_clicked_cb (GtkButton *button,
                          TargetRow *target_row)
{
  JhTaskEditor *self = target_row->editor;

  if (self->history != NULL)
    jh_history_remove (self->history, JH_NODE (target_row->target));
}

static GtkWidget *
new_entry (const char *placeholder,
           int         width_chars,
           const char *label)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  return entry;
}

static TargetRow *
target_row_new (JhTaskEditor *self,
                JhTarget     *target)
{
  TargetRow *target_row = g_new0 (TargetRow, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *remove;

  target_row->editor = self;
  target_row->target = g_object_ref (target);

  /* The example placeholders are document text, as plans write them. */
  target_row->metric = GTK_EDITABLE (new_entry ("调研", 10, _("Metric")));
  target_row->comparison = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (comparison_symbols));
  gtk_widget_set_valign (GTK_WIDGET (target_row->comparison), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (target_row->comparison),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Comparison"), -1);
  target_row->number = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, JH_TARGET_MAX_NUMBER, 1));
  gtk_widget_set_valign (GTK_WIDGET (target_row->number), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (target_row->number),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Number"), -1);
  target_row->unit = GTK_EDITABLE (new_entry ("次", 4, _("Unit")));

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Target"));

  gtk_widget_set_hexpand (GTK_WIDGET (target_row->metric), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (target_row->metric));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (target_row->comparison));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (target_row->number));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (target_row->unit));
  gtk_box_append (GTK_BOX (box), remove);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);

  target_row->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (target_row->row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (target_row->row), box);

  target_row_update (target_row);

  g_signal_connect (target_row->metric, "changed", G_CALLBACK (target_edited_cb), target_row);
  g_signal_connect (target_row->unit, "changed", G_CALLBACK (target_edited_cb), target_row);
  g_signal_connect (target_row->number, "value-changed", G_CALLBACK (target_edited_cb), target_row);
  g_signal_connect (target_row->comparison, "notify::selected", G_CALLBACK (comparison_selected_cb), target_row);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_target_clicked_cb), target_row);
  g_signal_connect (target, "notify", G_CALLBACK (target_notify_cb), target_row);

  return target_row;
}

static void
rebuild_targets (JhTaskEditor *self)
{
  GListModel *targets;

  for (guint i = 0; i < self->target_rows->len; i++)
    {
      TargetRow *target_row = g_ptr_array_index (self->target_rows, i);

      adw_preferences_group_remove (self->targets_group, target_row->row);
    }
  g_ptr_array_set_size (self->target_rows, 0);

  if (self->task == NULL)
    return;

  targets = jh_task_get_targets (self->task);
  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(JhTarget) target = g_list_model_get_item (targets, i);
      TargetRow *target_row = target_row_new (self, target);

      g_ptr_array_add (self->target_rows, target_row);
      adw_preferences_group_add (self->targets_group, target_row->row);
    }
}

static void
targets_changed_cb (GListModel   *targets,
                    guint         position,
                    guint         removed,
                    guint         added,
                    JhTaskEditor *self)
{
  rebuild_targets (self);
}

static void
add_target_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  JhTaskEditor *self = JH_TASK_EDITOR (widget);
  g_autoptr(JhTarget) target = NULL;
  TargetRow *target_row;

  if (self->task == NULL || self->history == NULL)
    return;

  target = jh_target_new ("", JH_COMPARISON_AT_LEAST, 1, "");
  jh_history_insert (self->history, JH_NODE (self->task), -1, JH_NODE (target));

  /* Straight to typing the metric of the new target. */
  target_row = g_ptr_array_index (self->target_rows, self->target_rows->len - 1);
  gtk_widget_grab_focus (GTK_WIDGET (target_row->metric));
}

/* Owners: the units the plan already names, then those of the user's
 * list in Preferences, offered for the owner so that the same unit is
 * always written the same way.
 */

static GSettings *
get_settings (JhTaskEditor *self)
{
  GApplication *application = g_application_get_default ();

  if (self->settings != NULL)
    return self->settings;
  if (JH_IS_APPLICATION (application))
    return jh_application_get_settings (JH_APPLICATION (application));

  return NULL;
}

static void
fill_owners (JhTaskEditor *self)
{
  JhNode *root = self->task ? jh_node_get_root (JH_NODE (self->task)) : NULL;
  GSettings *settings = get_settings (self);
  g_auto(GStrv) plan_owners = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) owners = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->owners_list))) != NULL)
    gtk_list_box_remove (self->owners_list, child);

  if (!JH_IS_PLAN (root))
    return;

  plan_owners = jh_plan_dup_owners (JH_PLAN (root));
  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) plan_owners);
  if (settings != NULL)
    {
      g_auto(GStrv) listed = g_settings_get_strv (settings, "owners");

      for (guint i = 0; listed[i] != NULL; i++)
        if (!g_strv_contains ((const char * const *) plan_owners, listed[i]))
          g_strv_builder_add (builder, listed[i]);
    }
  owners = g_strv_builder_end (builder);

  for (guint i = 0; owners[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (owners[i]);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_list_box_append (self->owners_list, label);
    }

  if (owners[0] == NULL)
    {
      GtkWidget *label = gtk_label_new (_("No owners named yet"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_append (self->owners_list, label);
      gtk_widget_set_sensitive (label, FALSE);
    }
}

static void
owner_activated_cb (GtkListBox    *list,
                    GtkListBoxRow *row,
                    JhTaskEditor  *self)
{
  GtkWidget *label = gtk_list_box_row_get_child (row);

  if (self->task != NULL && self->history != NULL && gtk_widget_get_sensitive (label))
    {
      jh_history_seal (self->history);
      jh_history_set (self->history, JH_NODE (self->task),
                      "owner", gtk_label_get_text (GTK_LABEL (label)), NULL);
      jh_history_seal (self->history);
    }

  gtk_popover_popdown (self->owners_popover);
}

static void
owners_popover_show_cb (GtkPopover   *popover,
                        JhTaskEditor *self)
{
  fill_owners (self);
}

/* The task's own fields. */

static void
update_fields (JhTaskEditor *self)
{
  self->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *value = NULL;

      if (self->task != NULL)
        g_object_get (self->task, fields[i].property, &value, NULL);
      set_entry_text (GTK_EDITABLE (FIELD_ROW (self, i)), value ? value : "");
    }
  self->updating = FALSE;

  update_dates (self);
}

static void
task_notify_cb (JhTask       *task,
                GParamSpec   *pspec,
                JhTaskEditor *self)
{
  update_fields (self);
}

static void
field_changed_cb (GtkEditable  *editable,
                  JhTaskEditor *self)
{
  if (self->updating || self->task == NULL || self->history == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (GTK_EDITABLE (FIELD_ROW (self, i)) == editable)
      jh_history_set (self->history, JH_NODE (self->task),
                      fields[i].property, gtk_editable_get_text (editable), NULL);
}

/* Leaving a field ends the step: the next field's typing is undone on
 * its own.
 */
static void
focus_leave_cb (GtkEventControllerFocus *controller,
                JhTaskEditor            *self)
{
  if (self->history != NULL)
    jh_history_seal (self->history);
}

static void
disconnect_task (JhTaskEditor *self)
{
  if (self->task == NULL)
    return;

  g_signal_handlers_disconnect_by_func (self->task, task_notify_cb, self);
  g_signal_handlers_disconnect_by_func (jh_task_get_targets (self->task), targets_changed_cb, self);
}

static void
jh_task_editor_dispose (GObject *object)
{
  JhTaskEditor *self = (JhTaskEditor *) object;

  disconnect_task (self);
  g_clear_pointer (&self->target_rows, g_ptr_array_unref);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), JH_TYPE_TASK_EDITOR);
  g_clear_object (&self->task);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (jh_task_editor_parent_class)->dispose (object);
}

static void
jh_task_editor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JhTaskEditor *self = JH_TASK_EDITOR (object);

  switch (prop_id)
    {
    case PROP_TASK:
      g_value_set_object (value, self->task);
      break;

    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_task_editor_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  JhTaskEditor *self = JH_TASK_EDITOR (object);

  switch (prop_id)
    {
    case PROP_TASK:
      jh_task_editor_set_task (self, g_value_get_object (value));
      break;

    case PROP_HISTORY:
      jh_task_editor_set_history (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_task_editor_class_init (JhTaskEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jh_task_editor_dispose;
  object_class->get_property = jh_task_editor_get_property;
  object_class->set_property = jh_task_editor_set_property;

  properties[PROP_TASK] =
    g_param_spec_object ("task", NULL, NULL,
                         JH_TYPE_TASK,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         JH_TYPE_HISTORY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (JH_TYPE_BODY_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jihua/Jihua/jh-task-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, JhTaskEditor, lead_row);
  gtk_widget_class_bind_template_child (widget_class, JhTaskEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, JhTaskEditor, owners_popover);
  gtk_widget_class_bind_template_child (widget_class, JhTaskEditor, owners_list);
  gtk_widget_class_bind_template_child (widget_class, JhTaskEditor, participants_row);
  gtk_widget_class_bind_template_child (widget_class, JhTaskEditor, timing_row);
  gtk_widget_class_bind_template_child (widget_class, JhTaskEditor, dates_row);
  gtk_widget_class_bind_template_child (widget_class, JhTaskEditor, targets_group);
  gtk_widget_class_bind_template_child (widget_class, JhTaskEditor, body_editor);

  gtk_widget_class_install_action (widget_class, "task.add-target", NULL, add_target_action);
}

static void
jh_task_editor_init (JhTaskEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->target_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) target_row_free);

  g_signal_connect (self->owners_popover, "show", G_CALLBACK (owners_popover_show_cb), self);
  g_signal_connect (self->owners_list, "row-activated", G_CALLBACK (owner_activated_cb), self);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect (FIELD_ROW (self, i), "changed", G_CALLBACK (field_changed_cb), self);
      g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (FIELD_ROW (self, i)), focus);
    }

  update_fields (self);
}

GtkWidget *
jh_task_editor_new (void)
{
  return g_object_new (JH_TYPE_TASK_EDITOR, NULL);
}

/**
 * jh_task_editor_set_settings:
 * @self: a #JhTaskEditor
 * @settings: (nullable): where the user's list of owners is kept;
 *   %NULL for the application's settings
 */
void
jh_task_editor_set_settings (JhTaskEditor *self,
                             GSettings    *settings)
{
  g_return_if_fail (JH_IS_TASK_EDITOR (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  g_set_object (&self->settings, settings);
}

/**
 * jh_task_editor_get_task:
 * @self: a #JhTaskEditor
 *
 * Returns: (transfer none) (nullable): the task edited
 */
JhTask *
jh_task_editor_get_task (JhTaskEditor *self)
{
  g_return_val_if_fail (JH_IS_TASK_EDITOR (self), NULL);

  return self->task;
}

void
jh_task_editor_set_task (JhTaskEditor *self,
                         JhTask       *task)
{
  g_return_if_fail (JH_IS_TASK_EDITOR (self));
  g_return_if_fail (task == NULL || JH_IS_TASK (task));

  if (self->task == task)
    return;

  disconnect_task (self);
  g_set_object (&self->task, task);

  if (task != NULL)
    {
      g_signal_connect (task, "notify", G_CALLBACK (task_notify_cb), self);
      g_signal_connect (jh_task_get_targets (task), "items-changed", G_CALLBACK (targets_changed_cb), self);
    }

  update_fields (self);
  rebuild_targets (self);
  jh_body_editor_set_node (self->body_editor, JH_NODE (task));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TASK]);
}

/**
 * jh_task_editor_get_history:
 * @self: a #JhTaskEditor
 *
 * Returns: (transfer none) (nullable): the history edits go through
 */
JhHistory *
jh_task_editor_get_history (JhTaskEditor *self)
{
  g_return_val_if_fail (JH_IS_TASK_EDITOR (self), NULL);

  return self->history;
}

void
jh_task_editor_set_history (JhTaskEditor *self,
                            JhHistory    *history)
{
  g_return_if_fail (JH_IS_TASK_EDITOR (self));
  g_return_if_fail (history == NULL || JH_IS_HISTORY (history));

  if (!g_set_object (&self->history, history))
    return;

  jh_body_editor_set_history (self->body_editor, history);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}
