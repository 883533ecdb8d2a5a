/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>

#include "jh-strv-list-group.h"

/**
 * JhStrvListGroup:
 *
 * A list the user keeps in a string-array setting, shown as a row per
 * item with a button to take it off.  Subclasses say how an item looks
 * (#JhStrvListGroupClass.describe_row) and add the rows that add items
 * as footers, which stay under the list.  The button shows an icon
 * unless given a text (jh_strv_list_group_set_remove_label()).
 */

typedef struct
{
  GSettings *settings;
  char      *key;
  char      *remove_label;
  gulong     changed_id;
  GPtrArray *rows;
  GPtrArray *footers;
} JhStrvListGroupPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (JhStrvListGroup, jh_strv_list_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
jh_strv_list_group_real_describe_row (JhStrvListGroup *self,
                                      AdwActionRow    *row,
                                      const char      *value)
{
  return g_strdup_printf (_("Remove %s"), value);
}

static void
remove_clicked_cb (GtkButton       *button,
                   JhStrvListGroup *self)
{
  JhStrvListGroupPrivate *priv = jh_strv_list_group_get_instance_private (self);
  const char *value = g_object_get_data (G_OBJECT (button), "value");
  g_auto(GStrv) values = g_settings_get_strv (priv->settings, priv->key);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;

  for (guint i = 0; values[i] != NULL; i++)
    if (!g_str_equal (values[i], value))
      g_strv_builder_add (builder, values[i]);
  kept = g_strv_builder_end (builder);

  g_settings_set_strv (priv->settings, priv->key, (const char * const *) kept);
}

static GtkWidget *
create_row (JhStrvListGroup *self,
            const char      *value)
{
  JhStrvListGroupPrivate *priv = jh_strv_list_group_get_instance_private (self);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;
  g_autofree char *label = NULL;

  if (priv->remove_label != NULL)
    button = gtk_button_new_with_mnemonic (priv->remove_label);
  else
    {
      button = gtk_button_new_from_icon_name ("list-remove-symbolic");
      gtk_widget_add_css_class (button, "flat");
    }

  /* An item is plain text, never markup: owners may contain &. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), value);
  label = JH_STRV_LIST_GROUP_GET_CLASS (self)->describe_row (self, ADW_ACTION_ROW (row), value);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (label != NULL)
    {
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
  g_object_set_data_full (G_OBJECT (button), "value", g_strdup (value), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
update_rows (JhStrvListGroup *self)
{
  JhStrvListGroupPrivate *priv = jh_strv_list_group_get_instance_private (self);
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self);
  g_auto(GStrv) values = NULL;

  for (guint i = 0; i < priv->rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (priv->rows, i));
  g_ptr_array_set_size (priv->rows, 0);
  for (guint i = 0; i < priv->footers->len; i++)
    if (gtk_widget_get_parent (g_ptr_array_index (priv->footers, i)) != NULL)
      adw_preferences_group_remove (group, g_ptr_array_index (priv->footers, i));

  values = g_settings_get_strv (priv->settings, priv->key);
  for (guint i = 0; values[i] != NULL; i++)
    {
      GtkWidget *row = create_row (self, values[i]);

      adw_preferences_group_add (group, row);
      g_ptr_array_add (priv->rows, row);
    }

  /* The ways to add an item stay last, under the items. */
  for (guint i = 0; i < priv->footers->len; i++)
    adw_preferences_group_add (group, g_ptr_array_index (priv->footers, i));

  if (JH_STRV_LIST_GROUP_GET_CLASS (self)->rows_changed != NULL)
    JH_STRV_LIST_GROUP_GET_CLASS (self)->rows_changed (self, priv->rows->len);
}

static void
list_changed_cb (GSettings       *settings,
                  const char      *key,
                  JhStrvListGroup *self)
{
  update_rows (self);
}

static void
jh_strv_list_group_constructed (GObject *object)
{
  JhStrvListGroup *self = JH_STRV_LIST_GROUP (object);
  JhStrvListGroupPrivate *priv = jh_strv_list_group_get_instance_private (self);
  g_autofree char *signal = NULL;

  G_OBJECT_CLASS (jh_strv_list_group_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (priv->settings));
  g_assert (priv->key != NULL);

  signal = g_strconcat ("changed::", priv->key, NULL);
  priv->changed_id = g_signal_connect (priv->settings, signal, G_CALLBACK (list_changed_cb), self);
  update_rows (self);
}

static void
jh_strv_list_group_dispose (GObject *object)
{
  JhStrvListGroup *self = JH_STRV_LIST_GROUP (object);
  JhStrvListGroupPrivate *priv = jh_strv_list_group_get_instance_private (self);

  if (priv->settings != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->settings);
  g_clear_object (&priv->settings);
  g_clear_pointer (&priv->rows, g_ptr_array_unref);
  g_clear_pointer (&priv->footers, g_ptr_array_unref);

  G_OBJECT_CLASS (jh_strv_list_group_parent_class)->dispose (object);
}

static void
jh_strv_list_group_finalize (GObject *object)
{
  JhStrvListGroup *self = JH_STRV_LIST_GROUP (object);
  JhStrvListGroupPrivate *priv = jh_strv_list_group_get_instance_private (self);

  g_free (priv->key);
  g_free (priv->remove_label);

  G_OBJECT_CLASS (jh_strv_list_group_parent_class)->finalize (object);
}

static void
jh_strv_list_group_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  JhStrvListGroup *self = JH_STRV_LIST_GROUP (object);
  JhStrvListGroupPrivate *priv = jh_strv_list_group_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, priv->settings);
      break;

    case PROP_KEY:
      g_value_set_string (value, priv->key);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_strv_list_group_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  JhStrvListGroup *self = JH_STRV_LIST_GROUP (object);
  JhStrvListGroupPrivate *priv = jh_strv_list_group_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      priv->settings = g_value_dup_object (value);
      break;

    case PROP_KEY:
      priv->key = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_strv_list_group_class_init (JhStrvListGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = jh_strv_list_group_constructed;
  object_class->dispose = jh_strv_list_group_dispose;
  object_class->finalize = jh_strv_list_group_finalize;
  object_class->get_property = jh_strv_list_group_get_property;
  object_class->set_property = jh_strv_list_group_set_property;

  klass->describe_row = jh_strv_list_group_real_describe_row;

  /**
   * JhStrvListGroup:settings:
   *
   * The settings holding the list.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * JhStrvListGroup:key:
   *
   * The key of #JhStrvListGroup:settings holding the list, of type "as".
   */
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jh_strv_list_group_init (JhStrvListGroup *self)
{
  JhStrvListGroupPrivate *priv = jh_strv_list_group_get_instance_private (self);

  priv->rows = g_ptr_array_new ();
  priv->footers = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * jh_strv_list_group_contains:
 * @self: a #JhStrvListGroup
 * @value: an item
 *
 * Returns: whether @value is in the list
 */
gboolean
jh_strv_list_group_contains (JhStrvListGroup *self,
                             const char      *value)
{
  JhStrvListGroupPrivate *priv = jh_strv_list_group_get_instance_private (self);
  g_auto(GStrv) values = NULL;

  g_return_val_if_fail (JH_IS_STRV_LIST_GROUP (self), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  values = g_settings_get_strv (priv->settings, priv->key);

  return g_strv_contains ((const char * const *) values, value);
}

/**
 * jh_strv_list_group_append:
 * @self: a #JhStrvListGroup
 * @value: an item not in the list yet
 *
 * Adds @value at the end of the list.
 *
 * Returns: whether the setting could be written
 */
gboolean
jh_strv_list_group_append (JhStrvListGroup *self,
                           const char      *value)
{
  JhStrvListGroupPrivate *priv = jh_strv_list_group_get_instance_private (self);
  g_auto(GStrv) values = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) added = NULL;

  g_return_val_if_fail (JH_IS_STRV_LIST_GROUP (self), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  values = g_settings_get_strv (priv->settings, priv->key);
  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) values);
  g_strv_builder_add (builder, value);
  added = g_strv_builder_end (builder);

  return g_settings_set_strv (priv->settings, priv->key, (const char * const *) added);
}

/**
 * jh_strv_list_group_add_footer:
 * @self: a #JhStrvListGroup
 * @row: a row, such as an entry to add an item
 *
 * Adds @row under the items, where it stays as they change.  Footers
 * keep the order they were added in.
 */
void
jh_strv_list_group_add_footer (JhStrvListGroup *self,
                               GtkWidget       *row)
{
  JhStrvListGroupPrivate *priv = jh_strv_list_group_get_instance_private (self);

  g_return_if_fail (JH_IS_STRV_LIST_GROUP (self));
  g_return_if_fail (GTK_IS_WIDGET (row));

  g_ptr_array_add (priv->footers, g_object_ref_sink (row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
}

/**
 * jh_strv_list_group_set_remove_label:
 * @self: a #JhStrvListGroup
 * @label: (nullable): the text of the buttons that take an item off the
 *   list, with a mnemonic, or %NULL for an icon
 *
 * Call it before the group is constructed, from the subclass's init.
 */
void
jh_strv_list_group_set_remove_label (JhStrvListGroup *self,
                                     const char      *label)
{
  JhStrvListGroupPrivate *priv = jh_strv_list_group_get_instance_private (self);

  g_return_if_fail (JH_IS_STRV_LIST_GROUP (self));

  g_free (priv->remove_label);
  priv->remove_label = g_strdup (label);
}
