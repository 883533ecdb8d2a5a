/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>

#include "jh-body-editor.h"
#include "jh-section-editor.h"

/**
 * JhSectionEditor:
 *
 * The form of a section: its heading, its kind and the paragraphs before
 * its tasks.  A schedule section (时间安排) can be written from the
 * activities of the plan's tasks, by quarter or by month.
 */

struct _JhSectionEditor
{
  AdwBin               parent_instance;

  JhSection           *section;
  JhHistory           *history;
  gboolean             updating;

  /* Template widgets */
  AdwEntryRow         *title_row;
  AdwComboRow         *kind_row;
  AdwPreferencesGroup *schedule_group;
  JhBodyEditor        *body_editor;
};

G_DEFINE_FINAL_TYPE (JhSectionEditor, jh_section_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SECTION,
  PROP_HISTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_fields (JhSectionEditor *self)
{
  const char *title = self->section ? jh_section_get_title (self->section) : "";
  JhSectionKind kind = self->section ? jh_section_get_kind (self->section) : JH_SECTION_KIND_OTHER;

  self->updating = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->title_row)), title) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
  adw_combo_row_set_selected (self->kind_row, kind);
  self->updating = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->schedule_group), kind == JH_SECTION_KIND_SCHEDULE);
}

static void
section_notify_cb (JhSection       *section,
                   GParamSpec      *pspec,
                   JhSectionEditor *self)
{
  update_fields (self);
}

static void
title_changed_cb (GtkEditable     *editable,
                  JhSectionEditor *self)
{
  if (!self->updating && self->section != NULL && self->history != NULL)
    jh_history_set (self->history, JH_NODE (self->section),
                    "title", gtk_editable_get_text (editable), NULL);
}

static void
kind_selected_cb (AdwComboRow     *row,
                  GParamSpec      *pspec,
                  JhSectionEditor *self)
{
  if (!self->updating && self->section != NULL && self->history != NULL)
    {
      jh_history_seal (self->history);
      jh_history_set (self->history, JH_NODE (self->section),
                      "kind", (JhSectionKind) adw_combo_row_get_selected (row), NULL);
    }
}

static void
write_schedule_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  JhSectionEditor *self = JH_SECTION_EDITOR (widget);
  g_autoptr(JhSchedule) schedule = NULL;
  g_autoptr(GPtrArray) paragraphs = NULL;
  g_autofree char *text = NULL;
  JhScheduleStyle style;
  JhPlan *plan;

  if (self->section == NULL || self->history == NULL)
    return;

  plan = jh_section_get_plan (self->section);
  if (plan == NULL)
    return;

  style = g_str_equal (g_variant_get_string (parameter, NULL), "month")
    ? JH_SCHEDULE_STYLE_BY_MONTH
    : JH_SCHEDULE_STYLE_BY_QUARTER;

  schedule = jh_schedule_new (plan);
  paragraphs = jh_schedule_format (schedule, style);
  g_ptr_array_add (paragraphs, NULL);
  text = g_strjoinv ("\n", (char **) paragraphs->pdata);

  /* One step, so that one Undo brings back what was written by hand. */
  jh_history_seal (self->history);
  jh_history_begin (self->history, _("Write Schedule"));
  jh_history_set_body (self->history, JH_NODE (self->section), text);
  jh_history_end (self->history);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                JhSectionEditor         *self)
{
  if (self->history != NULL)
    jh_history_seal (self->history);
}

static void
jh_section_editor_dispose (GObject *object)
{
  JhSectionEditor *self = (JhSectionEditor *) object;

  if (self->section != NULL)
    g_signal_handlers_disconnect_by_func (self->section, section_notify_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), JH_TYPE_SECTION_EDITOR);
  g_clear_object (&self->section);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (jh_section_editor_parent_class)->dispose (object);
}

static void
jh_section_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  JhSectionEditor *self = JH_SECTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_object (value, self->section);
      break;

    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_section_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  JhSectionEditor *self = JH_SECTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      jh_section_editor_set_section (self, g_value_get_object (value));
      break;

    case PROP_HISTORY:
      jh_section_editor_set_history (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_section_editor_class_init (JhSectionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jh_section_editor_dispose;
  object_class->get_property = jh_section_editor_get_property;
  object_class->set_property = jh_section_editor_set_property;

  properties[PROP_SECTION] =
    g_param_spec_object ("section", NULL, NULL,
                         JH_TYPE_SECTION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         JH_TYPE_HISTORY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (JH_TYPE_BODY_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jihua/Jihua/jh-section-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, JhSectionEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, JhSectionEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, JhSectionEditor, schedule_group);
  gtk_widget_class_bind_template_child (widget_class, JhSectionEditor, body_editor);

  gtk_widget_class_install_action (widget_class, "section.write-schedule", "s", write_schedule_action);
}

static void
jh_section_editor_init (JhSectionEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (JhSectionKind kind = JH_SECTION_KIND_PREAMBLE; kind <= JH_SECTION_KIND_OTHER; kind++)
    gtk_string_list_append (kinds, jh_section_kind_get_label (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  g_signal_connect (self->title_row, "changed", G_CALLBACK (title_changed_cb), self);
  g_signal_connect (self->kind_row, "notify::selected", G_CALLBACK (kind_selected_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->title_row), focus);

  update_fields (self);
}

GtkWidget *
jh_section_editor_new (void)
{
  return g_object_new (JH_TYPE_SECTION_EDITOR, NULL);
}

/**
 * jh_section_editor_get_section:
 * @self: a #JhSectionEditor
 *
 * Returns: (transfer none) (nullable): the section edited
 */
JhSection *
jh_section_editor_get_section (JhSectionEditor *self)
{
  g_return_val_if_fail (JH_IS_SECTION_EDITOR (self), NULL);

  return self->section;
}

void
jh_section_editor_set_section (JhSectionEditor *self,
                               JhSection       *section)
{
  g_return_if_fail (JH_IS_SECTION_EDITOR (self));
  g_return_if_fail (section == NULL || JH_IS_SECTION (section));

  if (self->section == section)
    return;

  if (self->section != NULL)
    g_signal_handlers_disconnect_by_func (self->section, section_notify_cb, self);

  g_set_object (&self->section, section);

  if (section != NULL)
    g_signal_connect (section, "notify", G_CALLBACK (section_notify_cb), self);

  update_fields (self);
  jh_body_editor_set_node (self->body_editor, JH_NODE (section));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
}

/**
 * jh_section_editor_get_history:
 * @self: a #JhSectionEditor
 *
 * Returns: (transfer none) (nullable): the history edits go through
 */
JhHistory *
jh_section_editor_get_history (JhSectionEditor *self)
{
  g_return_val_if_fail (JH_IS_SECTION_EDITOR (self), NULL);

  return self->history;
}

void
jh_section_editor_set_history (JhSectionEditor *self,
                               JhHistory       *history)
{
  g_return_if_fail (JH_IS_SECTION_EDITOR (self));
  g_return_if_fail (history == NULL || JH_IS_HISTORY (history));

  if (!g_set_object (&self->history, history))
    return;

  jh_body_editor_set_history (self->body_editor, history);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}
