/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>

#include "jh-new-plan-dialog.h"

/**
 * JhNewPlanDialog:
 *
 * Asks which built-in template to start from, for which organization and
 * year.  The year proposed is the coming one: plans are drafted in the
 * winter before their year.
 */

struct _JhNewPlanDialog
{
  AdwMessageDialog     parent_instance;

  GPtrArray           *templates;
  GPtrArray           *checks;

  /* Template widgets */
  AdwPreferencesGroup *templates_group;
  AdwEntryRow         *organization_row;
  GtkSpinButton       *year_button;
};

G_DEFINE_FINAL_TYPE (JhNewPlanDialog, jh_new_plan_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
jh_new_plan_dialog_dispose (GObject *object)
{
  JhNewPlanDialog *self = (JhNewPlanDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), JH_TYPE_NEW_PLAN_DIALOG);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (jh_new_plan_dialog_parent_class)->dispose (object);
}

static void
jh_new_plan_dialog_class_init (JhNewPlanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jh_new_plan_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jihua/Jihua/jh-new-plan-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JhNewPlanDialog, templates_group);
  gtk_widget_class_bind_template_child (widget_class, JhNewPlanDialog, organization_row);
  gtk_widget_class_bind_template_child (widget_class, JhNewPlanDialog, year_button);
}

static void
jh_new_plan_dialog_init (JhNewPlanDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkCheckButton *group = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->templates = jh_templates_list ();
  self->checks = g_ptr_array_new ();

  for (guint i = 0; i < self->templates->len; i++)
    {
      JhTemplateInfo *info = g_ptr_array_index (self->templates, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->title);
      gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), i == 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->templates_group, row);

      group = group ? group : GTK_CHECK_BUTTON (check);
      g_ptr_array_add (self->checks, check);
    }

  gtk_spin_button_set_value (self->year_button, g_date_time_get_year (now) + 1);
}

JhNewPlanDialog *
jh_new_plan_dialog_new (GtkWindow *parent)
{
  return g_object_new (JH_TYPE_NEW_PLAN_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}

/**
 * jh_new_plan_dialog_get_template:
 * @self: a #JhNewPlanDialog
 *
 * Returns: the name of the chosen template
 */
const char *
jh_new_plan_dialog_get_template (JhNewPlanDialog *self)
{
  g_return_val_if_fail (JH_IS_NEW_PLAN_DIALOG (self), NULL);

  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      return ((JhTemplateInfo *) g_ptr_array_index (self->templates, i))->name;

  return ((JhTemplateInfo *) g_ptr_array_index (self->templates, 0))->name;
}

void
jh_new_plan_dialog_set_template (JhNewPlanDialog *self,
                                 const char      *name)
{
  g_return_if_fail (JH_IS_NEW_PLAN_DIALOG (self));

  for (guint i = 0; i < self->templates->len; i++)
    if (g_str_equal (((JhTemplateInfo *) g_ptr_array_index (self->templates, i))->name, name))
      gtk_check_button_set_active (g_ptr_array_index (self->checks, i), TRUE);
}

void
jh_new_plan_dialog_set_organization (JhNewPlanDialog *self,
                                     const char      *organization)
{
  g_return_if_fail (JH_IS_NEW_PLAN_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->organization_row), organization ? organization : "");
}

/**
 * jh_new_plan_dialog_create_plan:
 * @self: a #JhNewPlanDialog
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a new plan from the chosen template, year and
 *   organization
 */
JhPlan *
jh_new_plan_dialog_create_plan (JhNewPlanDialog  *self,
                                GError          **error)
{
  const char *organization;

  g_return_val_if_fail (JH_IS_NEW_PLAN_DIALOG (self), NULL);

  organization = gtk_editable_get_text (GTK_EDITABLE (self->organization_row));

  return jh_template_instantiate (jh_new_plan_dialog_get_template (self),
                                  gtk_spin_button_get_value_as_int (self->year_button),
                                  *organization ? organization : NULL,
                                  error);
}
