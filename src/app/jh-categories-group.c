/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>

#include "jh-categories-group.h"

/**
 * JhCategoriesGroup:
 *
 * A switch for each kind of check, to turn a whole category of rules
 * off at once.  It follows the "disabled-categories" setting.
 */

#define N_CATEGORIES (JH_RULE_CATEGORY_REUSE + 1)

struct _JhCategoriesGroup
{
  AdwPreferencesGroup  parent_instance;

  GSettings           *settings;
  GtkWidget           *switches[N_CATEGORIES];
};

/* What each category looks for, in the words of the user's work. */
static const char *descriptions[N_CATEGORIES] = {
  [JH_RULE_CATEGORY_FORMULATION] = N_("Out-of-date wording (提法)"),
  [JH_RULE_CATEGORY_PLACEHOLDER] = N_("Text left unfilled, such as 20XX or XX"),
  [JH_RULE_CATEGORY_REQUIRED] = N_("Content a plan or a section must have"),
  [JH_RULE_CATEGORY_SCHEDULE] = N_("Tasks without dates, dates outside the year, work piled into one quarter"),
  [JH_RULE_CATEGORY_TARGET] = N_("Work that should state a number and does not"),
  [JH_RULE_CATEGORY_PUNCTUATION] = N_("Half-width, doubled and unpaired marks"),
  [JH_RULE_CATEGORY_NUMBERING] = N_("Broken enumerations (一是 二是 四是)"),
  [JH_RULE_CATEGORY_DUPLICATE] = N_("Near-duplicate paragraphs in the plan"),
  [JH_RULE_CATEGORY_YEAR] = N_("Years that do not belong to the plan"),
  [JH_RULE_CATEGORY_REUSE] = N_("Superseded clauses and text copied unchanged from last year"),
};

G_DEFINE_FINAL_TYPE (JhCategoriesGroup, jh_categories_group, ADW_TYPE_PREFERENCES_GROUP)

static void
switch_active_cb (GtkSwitch         *button,
                  GParamSpec        *pspec,
                  JhCategoriesGroup *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) disabled = NULL;

  for (guint category = 0; category < N_CATEGORIES; category++)
    if (!gtk_switch_get_active (GTK_SWITCH (self->switches[category])))
      g_strv_builder_add (builder, jh_rule_category_to_nick (category));
  disabled = g_strv_builder_end (builder);

  g_settings_set_strv (self->settings, "disabled-categories", (const char * const *) disabled);
}

static void
update_switches (JhCategoriesGroup *self)
{
  g_auto(GStrv) disabled = g_settings_get_strv (self->settings, "disabled-categories");

  for (guint category = 0; category < N_CATEGORIES; category++)
    {
      const char *nick = jh_rule_category_to_nick (category);

      g_signal_handlers_block_by_func (self->switches[category], switch_active_cb, self);
      gtk_switch_set_active (GTK_SWITCH (self->switches[category]),
                             !g_strv_contains ((const char * const *) disabled, nick));
      g_signal_handlers_unblock_by_func (self->switches[category], switch_active_cb, self);
    }
}

static void
disabled_categories_changed_cb (GSettings         *settings,
                                const char        *key,
                                JhCategoriesGroup *self)
{
  update_switches (self);
}

static void
jh_categories_group_dispose (GObject *object)
{
  JhCategoriesGroup *self = JH_CATEGORIES_GROUP (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_func (self->settings, disabled_categories_changed_cb, self);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (jh_categories_group_parent_class)->dispose (object);
}

static void
jh_categories_group_class_init (JhCategoriesGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jh_categories_group_dispose;
}

static void
jh_categories_group_init (JhCategoriesGroup *self)
{
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Checks Made"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("A kind of check turned off flags nothing in any plan."));

  for (guint category = 0; category < N_CATEGORIES; category++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_switch_new ();
      const char *label = jh_rule_category_get_label (category);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(descriptions[category]));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      g_signal_connect (button, "notify::active", G_CALLBACK (switch_active_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      self->switches[category] = button;
    }
}

/**
 * jh_categories_group_get_switch:
 * @self: a #JhCategoriesGroup
 * @category: a rule category
 *
 * Returns: (transfer none): the switch that turns @category on and off
 */
GtkSwitch *
jh_categories_group_get_switch (JhCategoriesGroup *self,
                                JhRuleCategory     category)
{
  g_return_val_if_fail (JH_IS_CATEGORIES_GROUP (self), NULL);
  g_return_val_if_fail (category < N_CATEGORIES, NULL);

  return GTK_SWITCH (self->switches[category]);
}

/**
 * jh_categories_group_new:
 * @settings: the application's settings
 *
 * Returns: (transfer full): a new group
 */
GtkWidget *
jh_categories_group_new (GSettings *settings)
{
  JhCategoriesGroup *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (JH_TYPE_CATEGORIES_GROUP, NULL);
  self->settings = g_object_ref (settings);
  update_switches (self);
  g_signal_connect (settings, "changed::disabled-categories", G_CALLBACK (disabled_categories_changed_cb), self);

  return GTK_WIDGET (self);
}
