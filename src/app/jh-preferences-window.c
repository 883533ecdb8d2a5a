/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include "jh-preferences-window.h"

/**
 * JhPreferencesWindow:
 *
 * The user's settings, bound straight onto GSettings: what changes here
 * applies at once.
 */

struct _JhPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwEntryRow          *organization_row;
  GtkSpinButton        *autosave_button;
};

G_DEFINE_FINAL_TYPE (JhPreferencesWindow, jh_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
jh_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), JH_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (jh_preferences_window_parent_class)->dispose (object);
}

static void
jh_preferences_window_class_init (JhPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jh_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jihua/Jihua/jh-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JhPreferencesWindow, organization_row);
  gtk_widget_class_bind_template_child (widget_class, JhPreferencesWindow, autosave_button);
}

static void
jh_preferences_window_init (JhPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The spin button holds a double; the setting is a whole number. */
static gboolean
get_double_from_uint (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant));

  return TRUE;
}

static GVariant *
set_uint_from_double (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  return g_variant_new_uint32 ((guint32) g_value_get_double (value));
}

/**
 * jh_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 * @settings: the application's settings
 *
 * Returns: (transfer floating): a new preferences window
 */
JhPreferencesWindow *
jh_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  JhPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (JH_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);

  g_settings_bind (settings, "default-organization", self->organization_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "autosave-delay",
                                gtk_spin_button_get_adjustment (self->autosave_button), "value",
                                G_SETTINGS_BIND_DEFAULT,
                                get_double_from_uint, set_uint_from_double, NULL, NULL);

  return self;
}
