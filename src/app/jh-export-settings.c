/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>

#include "jh-export-settings.h"

/* What Preferences says about printed documents, put onto a page
 * profile: the export dialog, printing and the preferences' previews
 * of fonts all read the settings through these, so they agree.  The
 * core never reads GSettings.
 */

/**
 * jh_export_settings_get_font_key:
 * @style: a kind of text
 *
 * Returns: (nullable): the key of the font family the user chose for
 *   @style, or %NULL if @style borrows another's font
 */
const char *
jh_export_settings_get_font_key (JhTextStyle style)
{
  switch (style)
    {
    case JH_TEXT_STYLE_TITLE:
      return "title-font";
    case JH_TEXT_STYLE_HEADING_1:
      return "heading1-font";
    case JH_TEXT_STYLE_HEADING_2:
      return "heading2-font";
    case JH_TEXT_STYLE_HEADING_3:
    case JH_TEXT_STYLE_HEADING_4:
      return "heading3-font";
    case JH_TEXT_STYLE_BODY:
      return "body-font";
    case JH_TEXT_STYLE_PAGE_NUMBER:
      return "page-number-font";
    case JH_TEXT_STYLE_TABLE_HEADING:
    case JH_TEXT_STYLE_TABLE_TEXT:
    case JH_TEXT_STYLE_ATTACHMENT_NOTE:
    case JH_TEXT_STYLE_SIGNOFF:
    case JH_TEXT_STYLE_ATTACHMENT_LABEL:
    case JH_TEXT_STYLE_ATTACHMENT_TITLE:
    default:
      return NULL;
    }
}

/**
 * jh_export_settings_dup_profile_file:
 * @settings: the application's settings
 *
 * Returns: (transfer full) (nullable): the page profile file chosen in
 *   Preferences, or %NULL for GB/T 9704-2012
 */
GFile *
jh_export_settings_dup_profile_file (GSettings *settings)
{
  g_autofree char *uri = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  uri = g_settings_get_string (settings, "export-profile");
  if (*uri == '\0')
    return NULL;

  return g_file_new_for_uri (uri);
}

/**
 * jh_export_settings_apply_fonts:
 * @settings: the application's settings
 * @profile: a page profile
 *
 * Puts the font families chosen in Preferences in front of @profile's
 * own, which stay behind them: an ODT still names the standard's fonts
 * as fallbacks for a colleague who has them.
 */
void
jh_export_settings_apply_fonts (GSettings     *settings,
                                JhPageProfile *profile)
{
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (JH_IS_PAGE_PROFILE (profile));

  for (JhTextStyle style = 0; style < JH_N_TEXT_STYLES; style++)
    {
      const char *key = jh_export_settings_get_font_key (style);
      g_autofree char *family = NULL;
      g_autofree char *families = NULL;

      if (key == NULL)
        continue;

      family = g_strstrip (g_settings_get_string (settings, key));
      if (*family == '\0')
        continue;

      families = g_strdup_printf ("%s,%s", family, jh_page_profile_get_font (profile, style));
      jh_page_profile_set_font (profile, style, families);
    }
}

static void
load_profile_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GFile *file = task_data;
  GError *error = NULL;
  JhPageProfile *profile;

  profile = jh_page_profile_new_from_file (file, cancellable, &error);
  if (profile == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, profile, g_object_unref);
}

static void
profile_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GSettings *settings = g_task_get_source_object (task);
  g_autoptr(JhPageProfile) profile = NULL;
  GError *error = NULL;

  profile = g_task_propagate_pointer (G_TASK (result), &error);
  if (profile == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Settings are read here, in the main thread. */
  if (settings != NULL)
    jh_export_settings_apply_fonts (settings, profile);
  g_task_return_pointer (task, g_steal_pointer (&profile), g_object_unref);
}

/**
 * jh_export_settings_load_profile_async:
 * @settings: (nullable): the application's settings
 * @profile_file: (nullable): a page profile file, or %NULL for the one
 *   chosen in Preferences
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the profile
 * @user_data: data for @callback
 *
 * Reads the page profile to export and print with, in a thread, as the
 * file may be on an office's network share, and puts the fonts chosen
 * in Preferences onto it.  Without a file it is GB/T 9704-2012's.
 */
void
jh_export_settings_load_profile_async (GSettings           *settings,
                                       GFile               *profile_file,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));
  g_return_if_fail (profile_file == NULL || G_IS_FILE (profile_file));

  task = g_task_new (settings, cancellable, callback, user_data);
  g_task_set_source_tag (task, jh_export_settings_load_profile_async);

  if (profile_file != NULL)
    file = g_object_ref (profile_file);
  else if (settings != NULL)
    file = jh_export_settings_dup_profile_file (settings);

  if (file == NULL)
    {
      g_autoptr(JhPageProfile) profile = jh_page_profile_new ();

      if (settings != NULL)
        jh_export_settings_apply_fonts (settings, profile);
      g_task_return_pointer (task, g_steal_pointer (&profile), g_object_unref);
      return;
    }

  {
    g_autoptr(GTask) load = g_task_new (NULL, cancellable, profile_loaded_cb, g_steal_pointer (&task));

    g_task_set_source_tag (load, jh_export_settings_load_profile_async);
    g_task_set_task_data (load, g_steal_pointer (&file), g_object_unref);
    g_task_run_in_thread (load, load_profile_thread);
  }
}

/**
 * jh_export_settings_load_profile_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the profile, or %NULL with @error set (the
 *   message names the file, the line and the key at fault)
 */
JhPageProfile *
jh_export_settings_load_profile_finish (GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jh_export_settings_load_profile_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * jh_page_profile_chooser_new:
 * @parent: (nullable): the window it is for
 *
 * Returns: (transfer full): a modal file chooser for a page profile
 *   file, not shown yet
 */
GtkFileChooserNative *
jh_page_profile_chooser_new (GtkWindow *parent)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose a Page Profile"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Page Profiles"));
  gtk_file_filter_add_pattern (filter, "*" JH_PAGE_PROFILE_SUFFIX);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  return chooser;
}
