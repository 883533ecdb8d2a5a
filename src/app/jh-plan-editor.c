/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>

#include "jh-plan-editor.h"

/**
 * JhPlanEditor:
 *
 * The properties of a plan as a form: title, organization, year, drafter,
 * status, document number, date, and the sign-off.  Dates are typed as
 * documents write them (2027年1月8日) or as 2027-01-08.
 */

struct _JhPlanEditor
{
  AdwBin          parent_instance;

  JhPlan         *plan;
  JhHistory      *history;
  gboolean        updating;

  /* Template widgets */
  AdwEntryRow    *title_row;
  AdwEntryRow    *organization_row;
  GtkSpinButton  *year_button;
  AdwEntryRow    *drafter_row;
  AdwComboRow    *status_row;
  AdwEntryRow    *document_number_row;
  AdwEntryRow    *date_row;
  AdwEntryRow    *signoff_organization_row;
  AdwEntryRow    *signoff_date_row;
};

G_DEFINE_FINAL_TYPE (JhPlanEditor, jh_plan_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_HISTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The entries typed as text, and the properties they edit. */
static const struct {
  gsize       offset;
  const char *property;
} text_fields[] = {
  { G_STRUCT_OFFSET (JhPlanEditor, title_row), "title" },
  { G_STRUCT_OFFSET (JhPlanEditor, organization_row), "organization" },
  { G_STRUCT_OFFSET (JhPlanEditor, drafter_row), "drafter" },
  { G_STRUCT_OFFSET (JhPlanEditor, document_number_row), "document-number" },
  { G_STRUCT_OFFSET (JhPlanEditor, signoff_organization_row), "signoff-organization" },
};

#define TEXT_ROW(self, i) (*(AdwEntryRow **) G_STRUCT_MEMBER_P (self, text_fields[i].offset))

/**
 * jh_parse_date:
 * @text: a date as a user types it
 *
 * Reads "2027年1月8日", "2027-01-08", "2027.1.8" or "2027/1/8".
 *
 * Returns: (transfer full) (nullable): the date, or %NULL if @text is not
 *   a date
 */
GDate *
jh_parse_date (const char *text)
{
  guint year, month, day;
  char end;

  if (text == NULL)
    return NULL;

  if (sscanf (text, "%u年%u月%u日%c", &year, &month, &day, &end) != 3 &&
      sscanf (text, "%u-%u-%u%c", &year, &month, &day, &end) != 3 &&
      sscanf (text, "%u.%u.%u%c", &year, &month, &day, &end) != 3 &&
      sscanf (text, "%u/%u/%u%c", &year, &month, &day, &end) != 3)
    return NULL;

  if (year < JH_PLAN_MIN_YEAR || year > JH_PLAN_MAX_YEAR || !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_date_new_dmy (day, month, year);
}

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
set_date_text (AdwEntryRow *row,
               const GDate *date)
{
  g_autofree char *text = jh_format_date (date);

  set_entry_text (row, text);
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
update_fields (JhPlanEditor *self)
{
  if (self->plan == NULL)
    return;

  self->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      g_autofree char *value = NULL;

      g_object_get (self->plan, text_fields[i].property, &value, NULL);
      set_entry_text (TEXT_ROW (self, i), value);
    }
  gtk_spin_button_set_value (self->year_button, jh_plan_get_year (self->plan));
  adw_combo_row_set_selected (self->status_row, jh_plan_get_status (self->plan));
  set_date_text (self->date_row, jh_plan_get_date (self->plan));
  set_date_text (self->signoff_date_row, jh_plan_get_signoff_date (self->plan));
  self->updating = FALSE;
}

static void
plan_notify_cb (JhPlan       *plan,
                GParamSpec   *pspec,
                JhPlanEditor *self)
{
  update_fields (self);
}

static gboolean
can_edit (JhPlanEditor *self)
{
  return !self->updating && self->plan != NULL && self->history != NULL;
}

static void
text_changed_cb (GtkEditable  *editable,
                 JhPlanEditor *self)
{
  if (!can_edit (self))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    if (GTK_EDITABLE (TEXT_ROW (self, i)) == editable)
      jh_history_set (self->history, JH_NODE (self->plan),
                      text_fields[i].property, gtk_editable_get_text (editable), NULL);
}

static void
year_changed_cb (GtkSpinButton *button,
                 JhPlanEditor  *self)
{
  if (!can_edit (self))
    return;

  jh_history_seal (self->history);
  jh_history_set (self->history, JH_NODE (self->plan),
                  "year", (guint) gtk_spin_button_get_value_as_int (button), NULL);
}

static void
status_selected_cb (AdwComboRow  *row,
                    GParamSpec   *pspec,
                    JhPlanEditor *self)
{
  if (!can_edit (self))
    return;

  jh_history_seal (self->history);
  jh_history_set (self->history, JH_NODE (self->plan),
                  "status", (JhPlanStatus) adw_combo_row_get_selected (row), NULL);
}

/* A date is applied as a whole, when the user confirms it: half a date
 * is not a date.
 */
static void
date_applied_cb (AdwEntryRow  *row,
                 JhPlanEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  const char *property = row == self->date_row ? "date" : "signoff-date";
  g_autoptr(GDate) date = NULL;

  if (!can_edit (self))
    return;

  date = jh_parse_date (text);
  if (date == NULL && *text != '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  jh_history_seal (self->history);
  jh_history_set (self->history, JH_NODE (self->plan), property, date, NULL);
  update_fields (self);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                JhPlanEditor            *self)
{
  if (self->history != NULL)
    jh_history_seal (self->history);
}

static void
jh_plan_editor_dispose (GObject *object)
{
  JhPlanEditor *self = (JhPlanEditor *) object;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (self->plan, plan_notify_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), JH_TYPE_PLAN_EDITOR);
  g_clear_object (&self->plan);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (jh_plan_editor_parent_class)->dispose (object);
}

static void
jh_plan_editor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JhPlanEditor *self = JH_PLAN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;

    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_plan_editor_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  JhPlanEditor *self = JH_PLAN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      jh_plan_editor_set_plan (self, g_value_get_object (value));
      break;

    case PROP_HISTORY:
      jh_plan_editor_set_history (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_plan_editor_class_init (JhPlanEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jh_plan_editor_dispose;
  object_class->get_property = jh_plan_editor_get_property;
  object_class->set_property = jh_plan_editor_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL,
                         JH_TYPE_PLAN,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         JH_TYPE_HISTORY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jihua/Jihua/jh-plan-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, JhPlanEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, JhPlanEditor, organization_row);
  gtk_widget_class_bind_template_child (widget_class, JhPlanEditor, year_button);
  gtk_widget_class_bind_template_child (widget_class, JhPlanEditor, drafter_row);
  gtk_widget_class_bind_template_child (widget_class, JhPlanEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, JhPlanEditor, document_number_row);
  gtk_widget_class_bind_template_child (widget_class, JhPlanEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, JhPlanEditor, signoff_organization_row);
  gtk_widget_class_bind_template_child (widget_class, JhPlanEditor, signoff_date_row);
}

static void
jh_plan_editor_init (JhPlanEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect (TEXT_ROW (self, i), "changed", G_CALLBACK (text_changed_cb), self);
      g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (TEXT_ROW (self, i)), focus);
    }

  g_signal_connect (self->year_button, "value-changed", G_CALLBACK (year_changed_cb), self);
  g_signal_connect (self->status_row, "notify::selected", G_CALLBACK (status_selected_cb), self);
  g_signal_connect (self->date_row, "apply", G_CALLBACK (date_applied_cb), self);
  g_signal_connect (self->signoff_date_row, "apply", G_CALLBACK (date_applied_cb), self);
}

GtkWidget *
jh_plan_editor_new (void)
{
  return g_object_new (JH_TYPE_PLAN_EDITOR, NULL);
}

/**
 * jh_plan_editor_get_plan:
 * @self: a #JhPlanEditor
 *
 * Returns: (transfer none) (nullable): the plan edited
 */
JhPlan *
jh_plan_editor_get_plan (JhPlanEditor *self)
{
  g_return_val_if_fail (JH_IS_PLAN_EDITOR (self), NULL);

  return self->plan;
}

void
jh_plan_editor_set_plan (JhPlanEditor *self,
                         JhPlan       *plan)
{
  g_return_if_fail (JH_IS_PLAN_EDITOR (self));
  g_return_if_fail (plan == NULL || JH_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (self->plan, plan_notify_cb, self);

  g_set_object (&self->plan, plan);

  if (plan != NULL)
    g_signal_connect (plan, "notify", G_CALLBACK (plan_notify_cb), self);

  update_fields (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

/**
 * jh_plan_editor_get_history:
 * @self: a #JhPlanEditor
 *
 * Returns: (transfer none) (nullable): the history edits go through
 */
JhHistory *
jh_plan_editor_get_history (JhPlanEditor *self)
{
  g_return_val_if_fail (JH_IS_PLAN_EDITOR (self), NULL);

  return self->history;
}

void
jh_plan_editor_set_history (JhPlanEditor *self,
                            JhHistory    *history)
{
  g_return_if_fail (JH_IS_PLAN_EDITOR (self));
  g_return_if_fail (history == NULL || JH_IS_HISTORY (history));

  if (g_set_object (&self->history, history))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}
