/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>

#include "jh-application.h"
#include "jh-libraries-group.h"

/**
 * JhLibrariesGroup:
 *
 * The clause libraries in use besides the built-in and personal ones:
 * files and folders, here or on the network, a row each with a button
 * to stop using it.  It follows the "extra-libraries" setting, and says
 * which libraries could not be read.
 */

struct _JhLibrariesGroup
{
  JhStrvListGroup  parent_instance;
};

G_DEFINE_FINAL_TYPE (JhLibrariesGroup, jh_libraries_group, JH_TYPE_STRV_LIST_GROUP)

static void
show_toast (JhLibrariesGroup *self,
            const char       *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
  else
    g_message ("%s", message);
}

/* The libraries that could not be read, each error naming its file,
 * under the list rather than in a dialog: the user may fix them later.
 */
static void
update_errors (JhLibrariesGroup *self)
{
  GApplication *application = g_application_get_default ();
  JhLibrarySet *libraries = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GString) text = NULL;
  g_autofree char *escaped = NULL;

  if (JH_IS_APPLICATION (application))
    libraries = jh_application_get_libraries (JH_APPLICATION (application));
  if (libraries != NULL)
    errors = jh_library_set_dup_errors (libraries);

  if (errors == NULL || errors->len == 0)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                             _("Library files and folders, here or on the network, used besides the built-in ones."));
      return;
    }

  text = g_string_new (_("Some libraries could not be read:"));
  for (guint i = 0; i < errors->len; i++)
    g_string_append_printf (text, "\n%s", ((GError *) g_ptr_array_index (errors, i))->message);
  escaped = g_markup_escape_text (text->str, -1);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), escaped);
}

/* A library is named by its path or address, with an icon saying
 * whether it is on this computer or on the network.
 */
static char *
jh_libraries_group_describe_row (JhStrvListGroup *group,
                                 AdwActionRow    *row,
                                 const char      *uri)
{
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autofree char *name = g_file_get_parse_name (file);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  if (g_file_is_native (file))
    adw_action_row_set_icon_name (row, "folder-documents-symbolic");
  else
    adw_action_row_set_icon_name (row, "network-server-symbolic");

  return g_strdup_printf (_("Stop using %s"), name);
}

/**
 * jh_libraries_group_add_uri:
 * @self: a #JhLibrariesGroup
 * @uri: the URI of a library file or folder, or a local path
 * @error: where to say what is wrong with @uri
 *
 * Adds a library to those in use, after checking that @uri is one.
 *
 * Returns: whether @uri was added
 */
gboolean
jh_libraries_group_add_uri (JhLibrariesGroup  *self,
                            const char        *uri,
                            GError           **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *canonical = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (JH_IS_LIBRARIES_GROUP (self), FALSE);
  g_return_val_if_fail (uri != NULL, FALSE);

  stripped = g_strstrip (g_strdup (uri));
  if (*stripped == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Type the address of a library, such as smb://server/share/clauses.jhlib"));
      return FALSE;
    }

  if (g_path_is_absolute (stripped))
    file = g_file_new_for_path (stripped);
  else if (!g_uri_is_valid (stripped, G_URI_FLAGS_NONE, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not an address: %s"), stripped, local_error->message);
      return FALSE;
    }
  else
    {
      g_autofree char *scheme = g_uri_parse_scheme (stripped);
      const char * const *schemes = g_vfs_get_supported_uri_schemes (g_vfs_get_default ());

      if (!g_strv_contains (schemes, scheme))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("“%s:” addresses cannot be opened on this computer; installing GVfs (gvfs-backends) adds network locations"),
                       scheme);
          return FALSE;
        }
      file = g_file_new_for_uri (stripped);
    }

  canonical = g_file_get_uri (file);
  if (jh_strv_list_group_contains (JH_STRV_LIST_GROUP (self), canonical))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("%s is already in use"), name);
      return FALSE;
    }

  return jh_strv_list_group_append (JH_STRV_LIST_GROUP (self), canonical);
}

static void
location_applied_cb (AdwEntryRow      *row,
                     JhLibrariesGroup *self)
{
  g_autoptr(GError) error = NULL;

  if (jh_libraries_group_add_uri (self, gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      gtk_editable_set_text (GTK_EDITABLE (row), "");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      show_toast (self, error->message);
    }
}

static void
location_changed_cb (AdwEntryRow      *row,
                     JhLibrariesGroup *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
chosen_cb (GtkNativeDialog  *chooser,
           int               response,
           JhLibrariesGroup *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *uri = g_file_get_uri (file);
      g_autoptr(GError) error = NULL;

      if (!jh_libraries_group_add_uri (self, uri, &error))
        show_toast (self, error->message);
    }

  g_object_unref (chooser);
  g_object_unref (self);
}

static void
choose (JhLibrariesGroup     *self,
        GtkFileChooserAction  action)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;

  if (action == GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER)
    chooser = gtk_file_chooser_native_new (_("Add a Folder of Libraries"),
                                           GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                           action, _("_Add"), NULL);
  else
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      chooser = gtk_file_chooser_native_new (_("Add a Library File"),
                                             GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                             action, _("_Add"), NULL);
      gtk_file_filter_set_name (filter, _("Clause Libraries (.jhlib)"));
      gtk_file_filter_add_pattern (filter, "*.jhlib");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
add_folder_clicked_cb (JhLibrariesGroup *self)
{
  choose (self, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
}

static void
add_file_clicked_cb (JhLibrariesGroup *self)
{
  choose (self, GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
jh_libraries_group_class_init (JhLibrariesGroupClass *klass)
{
  JH_STRV_LIST_GROUP_CLASS (klass)->describe_row = jh_libraries_group_describe_row;
}

static void
jh_libraries_group_init (JhLibrariesGroup *self)
{
  GtkWidget *add_folder = gtk_button_new_with_mnemonic (_("Add _Folder…"));
  GtkWidget *add_file = gtk_button_new_with_mnemonic (_("Add Library _File…"));
  GtkWidget *add_row = adw_action_row_new ();
  GtkWidget *location_row = adw_entry_row_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Clause Libraries in Use"));

  /* A row rather than the header: the header's width goes to the
   * names of the libraries that could not be read.
   */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add_row), _("On This Computer"));
  gtk_widget_set_valign (add_folder, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (add_file, GTK_ALIGN_CENTER);
  gtk_widget_set_name (add_folder, "add-folder");
  gtk_widget_set_name (add_file, "add-file");
  g_signal_connect_swapped (add_folder, "clicked", G_CALLBACK (add_folder_clicked_cb), self);
  g_signal_connect_swapped (add_file, "clicked", G_CALLBACK (add_file_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (add_row), add_folder);
  adw_action_row_add_suffix (ADW_ACTION_ROW (add_row), add_file);
  jh_strv_list_group_add_footer (JH_STRV_LIST_GROUP (self), add_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (location_row), _("Add Network Location…"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (location_row), TRUE);
  gtk_widget_set_tooltip_text (location_row,
                               _("The address of a library file or folder, such as smb://server/share/clauses or sftp://host/path"));
  g_signal_connect (location_row, "apply", G_CALLBACK (location_applied_cb), self);
  g_signal_connect (location_row, "changed", G_CALLBACK (location_changed_cb), self);
  jh_strv_list_group_add_footer (JH_STRV_LIST_GROUP (self), location_row);
}

/**
 * jh_libraries_group_new:
 * @settings: the application's settings
 *
 * Returns: (transfer full): a new group
 */
GtkWidget *
jh_libraries_group_new (GSettings *settings)
{
  JhLibrariesGroup *self;
  GApplication *application = g_application_get_default ();

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (JH_TYPE_LIBRARIES_GROUP,
                       "settings", settings,
                       "key", "extra-libraries",
                       NULL);
  update_errors (self);
  if (JH_IS_APPLICATION (application))
    g_signal_connect_object (application, "notify::libraries", G_CALLBACK (update_errors), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}
