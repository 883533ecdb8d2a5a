/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>

#include "jh-disabled-rules-group.h"

/**
 * JhDisabledRulesGroup:
 *
 * The check rules the user turned off from the Checks pane, a row each
 * with its message and a button to turn it on again.  It follows the
 * "disabled-rules" setting.
 */

struct _JhDisabledRulesGroup
{
  AdwPreferencesGroup  parent_instance;

  GSettings           *settings;
  JhLibrarySet        *libraries;
  GPtrArray           *rows;
};

G_DEFINE_FINAL_TYPE (JhDisabledRulesGroup, jh_disabled_rules_group, ADW_TYPE_PREFERENCES_GROUP)

static void
turn_on_clicked_cb (GtkButton            *button,
                    JhDisabledRulesGroup *self)
{
  const char *rule_id = g_object_get_data (G_OBJECT (button), "rule-id");
  g_auto(GStrv) disabled = g_settings_get_strv (self->settings, "disabled-rules");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) rules = NULL;

  for (guint i = 0; disabled[i] != NULL; i++)
    if (!g_str_equal (disabled[i], rule_id))
      g_strv_builder_add (builder, disabled[i]);
  rules = g_strv_builder_end (builder);

  g_settings_set_strv (self->settings, "disabled-rules", (const char * const *) rules);
}

static void
update_rows (JhDisabledRulesGroup *self)
{
  g_auto(GStrv) disabled = g_settings_get_strv (self->settings, "disabled-rules");

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         disabled[0] == NULL
                                         ? _("No rule is turned off. Rules are turned off from a finding’s menu in the Checks pane.")
                                         : NULL);

  for (guint i = 0; disabled[i] != NULL; i++)
    {
      JhRule *rule = self->libraries ? jh_library_set_find_rule (self->libraries, disabled[i]) : NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Turn _On"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), disabled[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (rule != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), jh_rule_category_get_label (jh_rule_get_category (rule)));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "rule-id", g_strdup (disabled[i]), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (turn_on_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
disabled_rules_changed_cb (GSettings            *settings,
                           const char           *key,
                           JhDisabledRulesGroup *self)
{
  update_rows (self);
}

static void
jh_disabled_rules_group_dispose (GObject *object)
{
  JhDisabledRulesGroup *self = JH_DISABLED_RULES_GROUP (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_func (self->settings, disabled_rules_changed_cb, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->libraries);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (jh_disabled_rules_group_parent_class)->dispose (object);
}

static void
jh_disabled_rules_group_class_init (JhDisabledRulesGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jh_disabled_rules_group_dispose;
}

static void
jh_disabled_rules_group_init (JhDisabledRulesGroup *self)
{
  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Rules Turned Off"));
}

/**
 * jh_disabled_rules_group_new:
 * @settings: the application's settings
 * @libraries: (nullable): the libraries, to name the rules' categories
 *
 * Returns: (transfer full): a new group
 */
GtkWidget *
jh_disabled_rules_group_new (GSettings    *settings,
                             JhLibrarySet *libraries)
{
  JhDisabledRulesGroup *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (libraries == NULL || JH_IS_LIBRARY_SET (libraries), NULL);

  self = g_object_new (JH_TYPE_DISABLED_RULES_GROUP, NULL);
  self->settings = g_object_ref (settings);
  self->libraries = libraries ? g_object_ref (libraries) : NULL;
  g_signal_connect (settings, "changed::disabled-rules", G_CALLBACK (disabled_rules_changed_cb), self);
  update_rows (self);

  return GTK_WIDGET (self);
}
