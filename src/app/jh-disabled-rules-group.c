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
  JhStrvListGroup  parent_instance;

  JhLibrarySet    *libraries;
};

G_DEFINE_FINAL_TYPE (JhDisabledRulesGroup, jh_disabled_rules_group, JH_TYPE_STRV_LIST_GROUP)

enum {
  PROP_0,
  PROP_LIBRARIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A rule is named by its id, with its category when the libraries know
 * it; every row's button says "Turn On", which is name enough.
 */
static char *
jh_disabled_rules_group_describe_row (JhStrvListGroup *group,
                                      AdwActionRow    *row,
                                      const char      *rule_id)
{
  JhDisabledRulesGroup *self = JH_DISABLED_RULES_GROUP (group);
  JhRule *rule = self->libraries ? jh_library_set_find_rule (self->libraries, rule_id) : NULL;

  if (rule != NULL)
    adw_action_row_set_subtitle (row, jh_rule_category_get_label (jh_rule_get_category (rule)));

  return NULL;
}

static void
jh_disabled_rules_group_rows_changed (JhStrvListGroup *group,
                                      guint            n_rows)
{
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         n_rows == 0
                                         ? _("No rule is turned off. Rules are turned off from a finding’s menu in the Checks pane.")
                                         : NULL);
}

static void
jh_disabled_rules_group_dispose (GObject *object)
{
  JhDisabledRulesGroup *self = JH_DISABLED_RULES_GROUP (object);

  g_clear_object (&self->libraries);

  G_OBJECT_CLASS (jh_disabled_rules_group_parent_class)->dispose (object);
}

static void
jh_disabled_rules_group_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  JhDisabledRulesGroup *self = JH_DISABLED_RULES_GROUP (object);

  switch (prop_id)
    {
    case PROP_LIBRARIES:
      g_value_set_object (value, self->libraries);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_disabled_rules_group_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  JhDisabledRulesGroup *self = JH_DISABLED_RULES_GROUP (object);

  switch (prop_id)
    {
    case PROP_LIBRARIES:
      self->libraries = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_disabled_rules_group_class_init (JhDisabledRulesGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  JhStrvListGroupClass *list_class = JH_STRV_LIST_GROUP_CLASS (klass);

  object_class->dispose = jh_disabled_rules_group_dispose;
  object_class->get_property = jh_disabled_rules_group_get_property;
  object_class->set_property = jh_disabled_rules_group_set_property;
  list_class->describe_row = jh_disabled_rules_group_describe_row;
  list_class->rows_changed = jh_disabled_rules_group_rows_changed;

  /**
   * JhDisabledRulesGroup:libraries:
   *
   * The libraries, to name the rules' categories, or %NULL.  It is set
   * at construction, before the rows are made.
   */
  properties[PROP_LIBRARIES] =
    g_param_spec_object ("libraries", NULL, NULL,
                         JH_TYPE_LIBRARY_SET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jh_disabled_rules_group_init (JhDisabledRulesGroup *self)
{
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Rules Turned Off"));
  jh_strv_list_group_set_remove_label (JH_STRV_LIST_GROUP (self), _("Turn _On"));
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
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (libraries == NULL || JH_IS_LIBRARY_SET (libraries), NULL);

  return g_object_new (JH_TYPE_DISABLED_RULES_GROUP,
                       "settings", settings,
                       "key", "disabled-rules",
                       "libraries", libraries,
                       NULL);
}
