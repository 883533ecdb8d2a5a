/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>

#include "jh-owners-group.h"

/**
 * JhOwnersGroup:
 *
 * The user's list of owners (牵头单位), offered when a task's owner is
 * filled in: a row each with a button to take it off, and an entry to
 * add one.  It follows the "owners" setting.
 */

struct _JhOwnersGroup
{
  JhStrvListGroup  parent_instance;
};

G_DEFINE_FINAL_TYPE (JhOwnersGroup, jh_owners_group, JH_TYPE_STRV_LIST_GROUP)

static void
add_applied_cb (AdwEntryRow   *row,
                JhOwnersGroup *self)
{
  JhStrvListGroup *list = JH_STRV_LIST_GROUP (self);
  g_autofree char *owner = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*owner != '\0' && !jh_strv_list_group_contains (list, owner))
    jh_strv_list_group_append (list, owner);

  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static void
jh_owners_group_class_init (JhOwnersGroupClass *klass)
{
}

static void
jh_owners_group_init (JhOwnersGroup *self)
{
  GtkWidget *add_row = adw_entry_row_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Owners"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Departments and units (牵头单位) offered for a task’s owner, besides those the plan names."));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add_row), _("Add Owner"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (add_row), TRUE);
  g_signal_connect (add_row, "apply", G_CALLBACK (add_applied_cb), self);
  jh_strv_list_group_add_footer (JH_STRV_LIST_GROUP (self), add_row);
}

/**
 * jh_owners_group_new:
 * @settings: the application's settings
 *
 * Returns: (transfer full): a new group
 */
GtkWidget *
jh_owners_group_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (JH_TYPE_OWNERS_GROUP,
                       "settings", settings,
                       "key", "owners",
                       NULL);
}
