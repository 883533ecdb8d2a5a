/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>

#include "jh-application.h"
#include "jh-categories-group.h"
#include "jh-disabled-rules-group.h"
#include "jh-export-settings.h"
#include "jh-libraries-group.h"
#include "jh-owners-group.h"
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

  GSettings            *settings;
  GCancellable         *cancellable;
  GtkWidget            *font_rows[JH_N_TEXT_STYLES];
  GtkWidget            *font_buttons[JH_N_TEXT_STYLES];
  GtkWidget            *font_reset_buttons[JH_N_TEXT_STYLES];

  /* Template widgets */
  AdwEntryRow          *organization_row;
  GtkSpinButton        *autosave_button;
  AdwActionRow         *profile_row;
  GtkButton            *reset_profile_button;
  AdwPreferencesGroup  *fonts_group;
};

/* The kinds of text whose font the user picks; the others borrow one
 * of these (the fourth-level headings the third's, tables the body's).
 */
static const struct
{
  JhTextStyle  style;
  const char  *title;
} font_roles[] = {
  { JH_TEXT_STYLE_TITLE, N_("Title") },
  { JH_TEXT_STYLE_HEADING_1, N_("First-Level Headings (一、)") },
  { JH_TEXT_STYLE_HEADING_2, N_("Second-Level Headings (（一）)") },
  { JH_TEXT_STYLE_HEADING_3, N_("Third-Level Headings (1. and （1）)") },
  { JH_TEXT_STYLE_BODY, N_("Body Text") },
  { JH_TEXT_STYLE_PAGE_NUMBER, N_("Page Numbers") },
};

G_DEFINE_FINAL_TYPE (JhPreferencesWindow, jh_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
jh_preferences_window_dispose (GObject *object)
{
  JhPreferencesWindow *self = (JhPreferencesWindow *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (object), JH_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (jh_preferences_window_parent_class)->dispose (object);
}

/* Fonts and the page profile of documents */

/* Each font row says which font prints, and which it stands in for:
 * the user sees at once that 仿宋_GB2312 is missing here and what takes
 * its place.
 */
static void
profile_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  JhPreferencesWindow *self = user_data;
  g_autoptr(JhPageProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  profile = jh_export_settings_load_profile_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (profile == NULL)
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      profile = jh_page_profile_new ();
      jh_export_settings_apply_fonts (self->settings, profile);
    }

  for (guint i = 0; i < G_N_ELEMENTS (font_roles); i++)
    {
      JhTextStyle style = font_roles[i].style;
      g_auto(GStrv) chain = jh_page_profile_dup_font_chain (profile, style);
      g_autofree char *installed = jh_page_profile_dup_installed_font (profile, style);
      g_autofree char *chosen = g_settings_get_string (self->settings, jh_export_settings_get_font_key (style));
      g_autofree char *fallbacks = g_strjoinv (" → ", chain);
      g_autofree char *subtitle = NULL;
      g_autofree char *escaped = NULL;
      g_autoptr(PangoFontDescription) font = pango_font_description_new ();

      if (g_str_equal (chain[0], installed))
        subtitle = g_strdup_printf (_("Prints in %s"), installed);
      else
        subtitle = g_strdup_printf (_("%s is not installed: prints in %s"), chain[0], installed);

      escaped = g_markup_escape_text (subtitle, -1);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->font_rows[style]), escaped);
      gtk_widget_set_tooltip_text (self->font_rows[style], fallbacks);
      gtk_widget_set_visible (self->font_reset_buttons[style], *chosen != '\0');

      pango_font_description_set_family (font, installed);
      pango_font_description_set_size (font, 12 * PANGO_SCALE);
      g_signal_handlers_block_matched (self->font_buttons[style], G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      gtk_font_chooser_set_font_desc (GTK_FONT_CHOOSER (self->font_buttons[style]), font);
      g_signal_handlers_unblock_matched (self->font_buttons[style], G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
    }
}

static void
update_documents_page (JhPreferencesWindow *self)
{
  g_autoptr(GFile) profile_file = jh_export_settings_dup_profile_file (self->settings);

  if (profile_file == NULL)
    adw_action_row_set_subtitle (self->profile_row, _("GB/T 9704-2012 (built in)"));
  else
    {
      g_autofree char *name = g_file_get_parse_name (profile_file);
      g_autofree char *escaped = g_markup_escape_text (name, -1);

      adw_action_row_set_subtitle (self->profile_row, escaped);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->reset_profile_button), profile_file != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  jh_export_settings_load_profile_async (self->settings, NULL, self->cancellable, profile_loaded_cb, self);
}

static void
document_setting_changed_cb (GSettings           *settings,
                             const char          *key,
                             JhPreferencesWindow *self)
{
  if (g_str_equal (key, "export-profile") || g_str_has_suffix (key, "-font"))
    update_documents_page (self);
}

static void
font_set_cb (GtkFontButton       *button,
             JhPreferencesWindow *self)
{
  JhTextStyle style = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "jh-style"));
  g_autoptr(PangoFontDescription) font = gtk_font_chooser_get_font_desc (GTK_FONT_CHOOSER (button));

  if (font != NULL && pango_font_description_get_family (font) != NULL)
    g_settings_set_string (self->settings, jh_export_settings_get_font_key (style),
                           pango_font_description_get_family (font));
}

static void
font_reset_clicked_cb (GtkButton           *button,
                       JhPreferencesWindow *self)
{
  JhTextStyle style = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "jh-style"));

  g_settings_reset (self->settings, jh_export_settings_get_font_key (style));
}

/* The rows are alike but for their role, so they are made here from
 * the table rather than repeated six times in the template.
 */
static void
add_font_rows (JhPreferencesWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (font_roles); i++)
    {
      JhTextStyle style = font_roles[i].style;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_font_button_new ();
      GtkWidget *reset = gtk_button_new_from_icon_name ("edit-clear-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(font_roles[i].title));

      gtk_font_chooser_set_level (GTK_FONT_CHOOSER (button), GTK_FONT_CHOOSER_LEVEL_FAMILY);
      gtk_font_button_set_use_font (GTK_FONT_BUTTON (button), TRUE);
      gtk_font_button_set_title (GTK_FONT_BUTTON (button), _(font_roles[i].title));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (button), "jh-style", GUINT_TO_POINTER (style));
      g_signal_connect (button, "font-set", G_CALLBACK (font_set_cb), self);

      gtk_widget_set_valign (reset, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (reset, "flat");
      gtk_widget_set_tooltip_text (reset, _("Use the page profile’s font"));
      g_object_set_data (G_OBJECT (reset), "jh-style", GUINT_TO_POINTER (style));
      g_signal_connect (reset, "clicked", G_CALLBACK (font_reset_clicked_cb), self);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), reset);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->fonts_group, row);

      self->font_rows[style] = row;
      self->font_buttons[style] = button;
      self->font_reset_buttons[style] = reset;
    }
}

static void
profile_chosen_cb (GtkNativeDialog     *chooser,
                   int                  response,
                   JhPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->settings != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *uri = g_file_get_uri (file);

      g_settings_set_string (self->settings, "export-profile", uri);
    }

  g_object_unref (chooser);
}

static void
choose_profile_clicked_cb (JhPreferencesWindow *self)
{
  GtkFileChooserNative *chooser = jh_page_profile_chooser_new (GTK_WINDOW (self));

  g_signal_connect (chooser, "response", G_CALLBACK (profile_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
reset_profile_clicked_cb (JhPreferencesWindow *self)
{
  if (self->settings != NULL)
    g_settings_reset (self->settings, "export-profile");
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
  gtk_widget_class_bind_template_child (widget_class, JhPreferencesWindow, profile_row);
  gtk_widget_class_bind_template_child (widget_class, JhPreferencesWindow, reset_profile_button);
  gtk_widget_class_bind_template_child (widget_class, JhPreferencesWindow, fonts_group);
  gtk_widget_class_bind_template_callback (widget_class, choose_profile_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_profile_clicked_cb);
}

static void
jh_preferences_window_init (JhPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_font_rows (self);
}

/* The libraries checked against, the kinds of checks made, and the
 * rules turned off from the Checks pane, to turn them on again.
 */
static void
add_checks_page (JhPreferencesWindow *self,
                 GSettings           *settings)
{
  GApplication *application = g_application_get_default ();
  JhLibrarySet *libraries = NULL;
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());

  if (JH_IS_APPLICATION (application))
    libraries = jh_application_get_libraries (JH_APPLICATION (application));

  adw_preferences_page_set_title (page, _("Checks"));
  adw_preferences_page_set_icon_name (page, "emblem-ok-symbolic");
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (jh_libraries_group_new (settings)));
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (jh_categories_group_new (settings)));
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (jh_disabled_rules_group_new (settings, libraries)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
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

  self->settings = g_object_ref (settings);
  g_signal_connect (settings, "changed", G_CALLBACK (document_setting_changed_cb), self);
  update_documents_page (self);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (self->organization_row),
                                                                           ADW_TYPE_PREFERENCES_PAGE)),
                            ADW_PREFERENCES_GROUP (jh_owners_group_new (settings)));
  add_checks_page (self, settings);

  return self;
}
