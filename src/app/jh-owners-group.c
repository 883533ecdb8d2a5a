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
  AdwPreferencesGroup  parent_instance;

  GSettings           *settings;
  GPtrArray           *rows;
  AdwEntryRow         *add_row;
};

G_DEFINE_FINAL_TYPE (JhOwnersGroup, jh_owners_group, ADW_TYPE_PREFERENCES_GROUP)

static void
remove_clicked_cb (GtkButton     *button,
                   JhOwnersGroup *self)
{
  const char *owner = g_object_get_data (G_OBJECT (button), "owner");
  g_auto(GStrv) owners = g_settings_get_strv (self->settings, "owners");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;

  for (guint i = 0; owners[i] != NULL; i++)
    if (!g_str_equal (owners[i], owner))
      g_strv_builder_add (builder, owners[i]);
  kept = g_strv_builder_end (builder);

  g_settings_set_strv (self->settings, "owners", (const char * const *) kept);
}

static void
update_rows (JhOwnersGroup *self)
{
  g_auto(GStrv) owners = g_settings_get_strv (self->settings, "owners");

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  if (gtk_widget_get_parent (GTK_WIDGET (self->add_row)) != NULL)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->add_row));

  for (guint i = 0; owners[i] != NULL; i++)
    {
      g_autofree char *label = g_strdup_printf (_("Remove %s"), owners[i]);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), owners[i]);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      g_object_set_data_full (G_OBJECT (button), "owner", g_strdup (owners[i]), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }

  /* The entry stays last, under the owners. */
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->add_row));
}

static void
owners_changed_cb (GSettings     *settings,
                   const char    *key,
                   JhOwnersGroup *self)
{
  update_rows (self);
}

static void
add_applied_cb (AdwEntryRow   *row,
                JhOwnersGroup *self)
{
  g_autofree char *owner = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_auto(GStrv) owners = g_settings_get_strv (self->settings, "owners");

  if (*owner != '\0' && !g_strv_contains ((const char * const *) owners, owner))
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) added = NULL;

      g_strv_builder_addv (builder, (const char **) owners);
      g_strv_builder_add (builder, owner);
      added = g_strv_builder_end (builder);
      g_settings_set_strv (self->settings, "owners", (const char * const *) added);
    }

  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static void
jh_owners_group_dispose (GObject *object)
{
  JhOwnersGroup *self = JH_OWNERS_GROUP (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_func (self->settings, owners_changed_cb, self);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->add_row);

  G_OBJECT_CLASS (jh_owners_group_parent_class)->dispose (object);
}

static void
jh_owners_group_class_init (JhOwnersGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jh_owners_group_dispose;
}

static void
jh_owners_group_init (JhOwnersGroup *self)
{
  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Owners"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Departments and units (牵头单位) offered for a task’s owner, besides those the plan names."));

  self->add_row = g_object_ref_sink (ADW_ENTRY_ROW (adw_entry_row_new ()));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_row), _("Add Owner"));
  adw_entry_row_set_show_apply_button (self->add_row, TRUE);
  g_signal_connect (self->add_row, "apply", G_CALLBACK (add_applied_cb), self);
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
  JhOwnersGroup *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (JH_TYPE_OWNERS_GROUP, NULL);
  self->settings = g_object_ref (settings);
  g_signal_connect (settings, "changed::owners", G_CALLBACK (owners_changed_cb), self);
  update_rows (self);

  return GTK_WIDGET (self);
}
