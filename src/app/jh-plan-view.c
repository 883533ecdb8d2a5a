/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>

#include "jh-plan-editor.h"
#include "jh-plan-view.h"
#include "jh-section-editor.h"
#include "jh-task-editor.h"

/**
 * JhPlanView:
 *
 * Where a plan is edited: its outline on the left, and on the right the
 * form of what is selected there — a task, a section, or with nothing
 * selected, the plan's own properties.
 */

struct _JhPlanView
{
  AdwBin           parent_instance;

  JhPlan          *plan;
  JhHistory       *history;

  /* Template widgets */
  JhOutline       *outline;
  GtkStack        *editor_stack;
  JhPlanEditor    *plan_editor;
  JhSectionEditor *section_editor;
  JhTaskEditor    *task_editor;
};

G_DEFINE_FINAL_TYPE (JhPlanView, jh_plan_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_HISTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_selected (JhPlanView *self)
{
  JhNode *node = jh_outline_get_selected (self->outline);

  /* The editors let go of what they edited, so nothing stale stays
   * connected while another page shows.
   */
  jh_task_editor_set_task (self->task_editor, JH_IS_TASK (node) ? JH_TASK (node) : NULL);
  jh_section_editor_set_section (self->section_editor, JH_IS_SECTION (node) ? JH_SECTION (node) : NULL);

  if (JH_IS_TASK (node))
    gtk_stack_set_visible_child_name (self->editor_stack, "task");
  else if (JH_IS_SECTION (node))
    gtk_stack_set_visible_child_name (self->editor_stack, "section");
  else
    gtk_stack_set_visible_child_name (self->editor_stack, "plan");
}

static void
selected_changed_cb (JhOutline  *outline,
                     GParamSpec *pspec,
                     JhPlanView *self)
{
  show_selected (self);
}

static void
show_properties_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  JhPlanView *self = JH_PLAN_VIEW (widget);

  jh_outline_select (self->outline, NULL);
  show_selected (self);
}

static void
jh_plan_view_dispose (GObject *object)
{
  JhPlanView *self = (JhPlanView *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), JH_TYPE_PLAN_VIEW);
  g_clear_object (&self->plan);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (jh_plan_view_parent_class)->dispose (object);
}

static void
jh_plan_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  JhPlanView *self = JH_PLAN_VIEW (object);

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
jh_plan_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  JhPlanView *self = JH_PLAN_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      jh_plan_view_set_plan (self, g_value_get_object (value));
      break;

    case PROP_HISTORY:
      jh_plan_view_set_history (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_plan_view_class_init (JhPlanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jh_plan_view_dispose;
  object_class->get_property = jh_plan_view_get_property;
  object_class->set_property = jh_plan_view_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL,
                         JH_TYPE_PLAN,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         JH_TYPE_HISTORY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (JH_TYPE_OUTLINE);
  g_type_ensure (JH_TYPE_PLAN_EDITOR);
  g_type_ensure (JH_TYPE_SECTION_EDITOR);
  g_type_ensure (JH_TYPE_TASK_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jihua/Jihua/jh-plan-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JhPlanView, outline);
  gtk_widget_class_bind_template_child (widget_class, JhPlanView, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, JhPlanView, plan_editor);
  gtk_widget_class_bind_template_child (widget_class, JhPlanView, section_editor);
  gtk_widget_class_bind_template_child (widget_class, JhPlanView, task_editor);

  gtk_widget_class_install_action (widget_class, "plan.show-properties", NULL, show_properties_action);
}

static void
jh_plan_view_init (JhPlanView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self->outline, "notify::selected", G_CALLBACK (selected_changed_cb), self);
}

GtkWidget *
jh_plan_view_new (void)
{
  return g_object_new (JH_TYPE_PLAN_VIEW, NULL);
}

/**
 * jh_plan_view_get_plan:
 * @self: a #JhPlanView
 *
 * Returns: (transfer none) (nullable): the plan edited
 */
JhPlan *
jh_plan_view_get_plan (JhPlanView *self)
{
  g_return_val_if_fail (JH_IS_PLAN_VIEW (self), NULL);

  return self->plan;
}

void
jh_plan_view_set_plan (JhPlanView *self,
                       JhPlan     *plan)
{
  g_return_if_fail (JH_IS_PLAN_VIEW (self));
  g_return_if_fail (plan == NULL || JH_IS_PLAN (plan));

  if (!g_set_object (&self->plan, plan))
    return;

  jh_outline_set_plan (self->outline, plan);
  jh_plan_editor_set_plan (self->plan_editor, plan);
  show_selected (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

/**
 * jh_plan_view_get_history:
 * @self: a #JhPlanView
 *
 * Returns: (transfer none) (nullable): the history edits go through
 */
JhHistory *
jh_plan_view_get_history (JhPlanView *self)
{
  g_return_val_if_fail (JH_IS_PLAN_VIEW (self), NULL);

  return self->history;
}

void
jh_plan_view_set_history (JhPlanView *self,
                          JhHistory  *history)
{
  g_return_if_fail (JH_IS_PLAN_VIEW (self));
  g_return_if_fail (history == NULL || JH_IS_HISTORY (history));

  if (!g_set_object (&self->history, history))
    return;

  jh_outline_set_history (self->outline, history);
  jh_plan_editor_set_history (self->plan_editor, history);
  jh_section_editor_set_history (self->section_editor, history);
  jh_task_editor_set_history (self->task_editor, history);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

/**
 * jh_plan_view_get_outline:
 * @self: a #JhPlanView
 *
 * Returns: (transfer none): the outline, to select in it
 */
JhOutline *
jh_plan_view_get_outline (JhPlanView *self)
{
  g_return_val_if_fail (JH_IS_PLAN_VIEW (self), NULL);

  return self->outline;
}

/**
 * jh_plan_view_get_editor_name:
 * @self: a #JhPlanView
 *
 * Returns: which form shows: "plan", "section" or "task"
 */
const char *
jh_plan_view_get_editor_name (JhPlanView *self)
{
  g_return_val_if_fail (JH_IS_PLAN_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->editor_stack);
}
