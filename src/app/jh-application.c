/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdlib.h>
#include <unistd.h>
#include <gtksourceview/gtksource.h>

#include "jh-application.h"
#include "jh-checks-pane.h"
#include "jh-new-plan-dialog.h"
#include "jh-preferences-window.h"
#include "jh-window.h"

struct _JhApplication
{
  AdwApplication  parent_instance;

  JhDrafts       *drafts;
  GSettings      *settings;
  JhLibrarySet   *libraries;
  GCancellable   *cancellable;

  /* Where the start-up benchmark is told what happened, -1 outside it. */
  int             benchmark_fd;
  gboolean        benchmark_painted;
};

G_DEFINE_FINAL_TYPE (JhApplication, jh_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_LIBRARIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The start-up benchmark (tests/bench/bench-startup.c) sets
 * JIHUA_BENCHMARK_REPORT_FD to a descriptor open for writing.  Jihua then
 * writes there lines "EVENT MICROSECONDS", the time read from
 * g_get_monotonic_time() (CLOCK_MONOTONIC): "first-frame" once its first
 * window has painted a frame, "libraries-ready" once the clause libraries
 * are in, "checks-done" once every window's plan has been checked
 * against them; and then quits.  Without the variable none of this runs.
 */
static void
benchmark_report (JhApplication *self,
                  const char    *event)
{
  g_autofree char *line = g_strdup_printf ("%s %" G_GINT64_FORMAT "\n", event, g_get_monotonic_time ());

  if (write (self->benchmark_fd, line, strlen (line)) < 0)
    g_warning ("Could not write to the benchmark: %s", g_strerror (errno));
}

static void
benchmark_after_paint_cb (GdkFrameClock *frame_clock,
                          JhApplication *self)
{
  g_signal_handlers_disconnect_by_func (frame_clock, benchmark_after_paint_cb, self);
  if (!self->benchmark_painted)
    benchmark_report (self, "first-frame");
  self->benchmark_painted = TRUE;
}

static void
benchmark_window_realized_cb (GtkWidget     *window,
                              JhApplication *self)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  g_signal_connect (gdk_surface_get_frame_clock (surface), "after-paint",
                    G_CALLBACK (benchmark_after_paint_cb), self);
}

/* A window is checked once its file is read and its report made. */
static gboolean
benchmark_check_done_cb (gpointer user_data)
{
  JhApplication *self = user_data;

  /* With a small library the checks can be done before the window
   * shows; the first frame is told first.
   */
  if (!self->benchmark_painted)
    return G_SOURCE_CONTINUE;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (JH_IS_WINDOW (l->data) &&
        (g_object_get_data (l->data, "jh-loading-file") != NULL ||
         jh_window_get_plan (l->data) == NULL ||
         jh_checks_pane_get_report (jh_window_get_checks_pane (l->data)) == NULL))
      return G_SOURCE_CONTINUE;

  benchmark_report (self, "checks-done");
  g_application_quit (G_APPLICATION (self));

  return G_SOURCE_REMOVE;
}

static JhWindow *
new_window (JhApplication *self)
{
  JhWindow *window = jh_window_new (GTK_APPLICATION (self));

  if (self->benchmark_fd >= 0)
    g_signal_connect_after (window, "realize", G_CALLBACK (benchmark_window_realized_cb), self);

  jh_window_set_drafts (window, self->drafts);

  /* The window comes back as large as it was left; GTK 4 keeps the
   * default size up to date as the user resizes.
   */
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "window-width", window, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", window, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", window, "maximized", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "autosave-delay", window, "autosave-delay", G_SETTINGS_BIND_GET);
    }

  return window;
}

/**
 * jh_application_get_settings:
 * @self: a #JhApplication
 *
 * Returns: (transfer none) (nullable): the settings, %NULL when the
 *   schema is not installed
 */
GSettings *
jh_application_get_settings (JhApplication *self)
{
  g_return_val_if_fail (JH_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * jh_application_get_libraries:
 * @self: a #JhApplication
 *
 * The clause libraries every window checks against and browses: the
 * built-in one and the user's own.  They load in a thread at startup;
 * #JhApplication:libraries is notified once they are in.
 *
 * Returns: (transfer none) (nullable): the libraries, %NULL while they
 *   are loading
 */
JhLibrarySet *
jh_application_get_libraries (JhApplication *self)
{
  g_return_val_if_fail (JH_IS_APPLICATION (self), NULL);

  return self->libraries;
}

static void
libraries_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(JhApplication) self = user_data;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;
  JhLibrarySet *libraries;

  libraries = jh_library_set_load_finish (result, &errors, &error);
  if (libraries == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not load the clause libraries: %s", error->message);
      return;
    }

  /* A broken library is told by name; the others are in use. */
  for (guint i = 0; errors != NULL && i < errors->len; i++)
    g_message ("%s", ((GError *) g_ptr_array_index (errors, i))->message);

  if (self->libraries != NULL)
    jh_library_set_stop_watching (self->libraries);
  g_clear_object (&self->libraries);
  self->libraries = libraries;
  jh_library_set_start_watching (self->libraries);

  /* The windows check their plans as they are told. */
  if (self->benchmark_fd >= 0)
    {
      benchmark_report (self, "libraries-ready");
      g_timeout_add (10, benchmark_check_done_cb, self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARIES]);
}

/* Reading the libraries takes a moment; no window waits for it.  When
 * the user changes the libraries in use, the whole set is read again
 * and replaces the old one once it is in.
 */
static void
load_libraries (JhApplication *self)
{
  g_autoptr(GFile) user_library = jh_library_dup_user_file ();
  g_autoptr(GPtrArray) extra_libraries = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->settings != NULL)
    {
      g_auto(GStrv) uris = g_settings_get_strv (self->settings, "extra-libraries");

      for (guint i = 0; uris[i] != NULL; i++)
        g_ptr_array_add (extra_libraries, g_file_new_for_uri (uris[i]));
    }

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  jh_library_set_load_async (TRUE, user_library, extra_libraries, self->cancellable,
                             libraries_loaded_cb, g_object_ref (self));
}

/* A new user is greeted by the sample plan rather than a blank page: it
 * shows at once what a plan is made of.
 */
static void
show_sample (JhApplication *self)
{
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  JhWindow *window = new_window (self);

  jh_window_set_plan (window, plan, NULL);
  gtk_window_present (GTK_WINDOW (window));
}

/**
 * jh_application_restore_drafts:
 * @self: a #JhApplication
 *
 * Opens a window for every draft left by a session that ended without
 * saving, each plan as it was a few seconds before the end.
 *
 * Returns: the number of plans restored
 */
guint
jh_application_restore_drafts (JhApplication *self)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  guint restored = 0;

  g_return_val_if_fail (JH_IS_APPLICATION (self), 0);

  drafts = jh_drafts_list (self->drafts, NULL, &error);
  if (drafts == NULL)
    {
      g_warning ("Could not read the drafts: %s", error->message);
      return 0;
    }

  for (guint i = 0; i < drafts->len; i++)
    {
      JhDraftInfo *info = g_ptr_array_index (drafts, i);
      g_autoptr(JhPlan) plan = NULL;
      g_autoptr(GError) load_error = NULL;
      JhWindow *window;

      plan = jh_drafts_load (self->drafts, jh_draft_info_get_id (info), NULL, &load_error);
      if (plan == NULL)
        {
          g_warning ("Could not restore a draft: %s", load_error->message);
          continue;
        }

      window = new_window (self);
      jh_window_restore_draft (window, info, plan);
      gtk_window_present (GTK_WINDOW (window));
      restored++;
    }

  return restored;
}

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     JhApplication    *self)
{
  if (g_str_equal (response, "restore") && jh_application_restore_drafts (self) > 0)
    return;

  if (g_str_equal (response, "discard"))
    {
      g_autoptr(GPtrArray) drafts = jh_drafts_list (self->drafts, NULL, NULL);

      for (guint i = 0; drafts != NULL && i < drafts->len; i++)
        jh_drafts_discard (self->drafts, jh_draft_info_get_id (g_ptr_array_index (drafts, i)), NULL);
    }

  show_sample (self);
}

static void
jh_application_activate (GApplication *application)
{
  JhApplication *self = JH_APPLICATION (application);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (gtk_application_get_active_window (GTK_APPLICATION (self)) != NULL)
    {
      gtk_window_present (gtk_application_get_active_window (GTK_APPLICATION (self)));
      return;
    }

  drafts = jh_drafts_list (self->drafts, NULL, NULL);
  if (drafts == NULL || drafts->len == 0)
    {
      show_sample (self);
      return;
    }

  /* The last session ended with unsaved changes: offer them back. */
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Jihua was closed while a plan had changes that were not saved. They can be restored as they were a few seconds before.",
                                       "Jihua was closed while %u plans had changes that were not saved. They can be restored as they were a few seconds before.",
                                       drafts->len),
                          drafts->len);
  dialog = adw_message_dialog_new (NULL, _("Restore Unsaved Plans?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));

  /* With no window of Jihua open yet, the dialog is what the task
   * switcher shows: it needs a name there.
   */
  gtk_window_set_title (GTK_WINDOW (dialog), _("Restore Unsaved Plans?"));
  g_signal_connect (dialog, "response", G_CALLBACK (restore_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static JhWindow *
find_pristine_window (JhApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (JH_IS_WINDOW (l->data) && jh_window_is_pristine (l->data))
      return l->data;

  return NULL;
}

static void
jh_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  JhApplication *self = JH_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      JhWindow *window = find_pristine_window (self);

      if (window == NULL)
        window = new_window (self);

      jh_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static guint
get_next_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_year (now) + 1;
}

static void
show_plan (GtkApplication *application,
           JhPlan         *plan)
{
  JhWindow *window = new_window (JH_APPLICATION (application));

  jh_window_set_plan (window, plan, NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static void
new_action_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  g_autoptr(JhPlan) plan = jh_plan_new_blank (get_next_year ());

  show_plan (user_data, plan);
}

static void
new_from_template_response_cb (JhNewPlanDialog *dialog,
                               const char      *response,
                               GtkApplication  *application)
{
  g_autoptr(JhPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "create"))
    return;

  plan = jh_new_plan_dialog_create_plan (dialog, &error);
  if (plan == NULL)
    {
      g_warning ("A built-in template is broken: %s", error->message);
      return;
    }

  show_plan (application, plan);
}

static void
new_from_template_action_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  GtkApplication *application = user_data;
  GSettings *settings = JH_APPLICATION (application)->settings;
  JhNewPlanDialog *dialog = jh_new_plan_dialog_new (gtk_application_get_active_window (application));

  if (settings != NULL)
    {
      g_autofree char *organization = g_settings_get_string (settings, "default-organization");

      jh_new_plan_dialog_set_organization (dialog, organization);
    }

  g_signal_connect (dialog, "response", G_CALLBACK (new_from_template_response_cb), application);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A new plan made from one the user chooses: next year's plan carried
 * over from it, or the year's summary.
 */
typedef struct
{
  JhDerivedKind  kind;
  GFile         *file;
} Derivation;

static void
derivation_free (Derivation *derivation)
{
  g_clear_object (&derivation->file);
  g_free (derivation);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Derivation, derivation_free)

static void
derive_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GtkApplication) application = user_data;
  g_autoptr(Derivation) derivation = g_object_steal_data (G_OBJECT (application), "jh-derivation");
  g_autoptr(JhPlan) source = NULL;
  g_autoptr(JhPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  source = jh_plan_load_from_file_finish (result, &error);
  if (source != NULL && derivation->kind == JH_DERIVED_NEXT_YEAR)
    {
      g_autofree char *name = g_file_get_basename (derivation->file);

      plan = jh_plan_carry_over (source, name, &error);
    }
  else if (source != NULL)
    plan = jh_summary_new_from_plan (source);

  if (plan == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (gtk_application_get_active_window (application),
                                                  derivation->kind == JH_DERIVED_NEXT_YEAR
                                                    ? _("Could Not Open Last Year’s Plan")
                                                    : _("Could Not Open the Plan"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  show_plan (application, plan);
}

/**
 * jh_application_new_derived:
 * @self: a #JhApplication
 * @file: a plan file
 * @kind: what to make of it
 *
 * Opens, in a window of its own and not yet saved, next year's plan
 * carried over from the plan in @file, or the year's summary of it.
 */
void
jh_application_new_derived (JhApplication *self,
                            GFile         *file,
                            JhDerivedKind  kind)
{
  Derivation *derivation;

  g_return_if_fail (JH_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  derivation = g_new0 (Derivation, 1);
  derivation->kind = kind;
  derivation->file = g_object_ref (file);
  g_object_set_data_full (G_OBJECT (self), "jh-derivation", derivation, (GDestroyNotify) derivation_free);
  jh_plan_load_from_file_async (file, NULL, derive_loaded_cb, g_object_ref (self));
}

static void
derive_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    GtkApplication  *application)
{
  JhDerivedKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "jh-derived-kind"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      jh_application_new_derived (JH_APPLICATION (application), file, kind);
    }

  g_object_unref (dialog);
}

static void
choose_plan_to_derive (GtkApplication *application,
                       JhDerivedKind   kind)
{
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (kind == JH_DERIVED_NEXT_YEAR
                                          ? _("Choose Last Year’s Plan")
                                          : _("Choose the Year’s Plan"),
                                        gtk_application_get_active_window (application),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  jh_file_chooser_add_plan_filter (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), "jh-derived-kind", GINT_TO_POINTER (kind));
  g_signal_connect (dialog, "response", G_CALLBACK (derive_response_cb), application);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
new_from_last_year_action_cb (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  choose_plan_to_derive (user_data, JH_DERIVED_NEXT_YEAR);
}

static void
new_summary_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  choose_plan_to_derive (user_data, JH_DERIVED_SUMMARY);
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *application = user_data;
  const char *developers[] = { "Jihua developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (application),
                         "application-name", _("Jihua"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Jihua developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Draft annual work plans that follow the official-document standard"),
                         "website", "https://github.com/jihua/jihua",
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  JhApplication *self = user_data;
  JhPreferencesWindow *preferences;

  if (self->settings == NULL)
    return;

  preferences = jh_preferences_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                           self->settings);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GApplication *application = user_data;

  /* Closing each window lets it ask about unsaved changes first. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l != NULL;)
    {
      GList *next = l->next;

      gtk_window_close (l->data);
      l = next;
    }
}

static const GActionEntry app_actions[] = {
  { "new", new_action_cb },
  { "new-from-template", new_from_template_action_cb },
  { "new-from-last-year", new_from_last_year_action_cb },
  { "new-summary-from-plan", new_summary_action_cb },
  { "preferences", preferences_action_cb },
  { "about", about_action_cb },
  { "quit", quit_action_cb },
};

static void
jh_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  JhApplication *self = JH_APPLICATION (application);
  g_autoptr(GFile) drafts_directory = NULL;

  G_APPLICATION_CLASS (jh_application_parent_class)->startup (application);

  /* Before the libraries load in a thread while a plan is read here. */
  jh_xml_init ();

  if (g_getenv ("JIHUA_BENCHMARK_REPORT_FD") != NULL)
    self->benchmark_fd = atoi (g_getenv ("JIHUA_BENCHMARK_REPORT_FD"));

  gtk_source_init ();

  drafts_directory = g_file_new_build_filename (g_get_user_data_dir (), "jihua", "drafts", NULL);
  self->drafts = jh_drafts_new (drafts_directory);

  /* Without its schema (a build run from its tree, say) Jihua still
   * works, with the defaults.
   */
  {
    g_autoptr(GSettingsSchema) schema =
      g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);

    if (schema != NULL)
      self->settings = g_settings_new (APP_ID);
    else
      g_message ("The settings schema %s is not installed; settings are not kept", APP_ID);
  }

  load_libraries (self);
  if (self->settings != NULL)
    g_signal_connect_swapped (self->settings, "changed::extra-libraries", G_CALLBACK (load_libraries), self);

  g_action_map_add_action_entries (G_ACTION_MAP (application),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.new", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences", preferences_accels);
}

static void
jh_application_dispose (GObject *object)
{
  JhApplication *self = (JhApplication *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->drafts);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  if (self->libraries != NULL)
    jh_library_set_stop_watching (self->libraries);
  g_clear_object (&self->libraries);

  G_OBJECT_CLASS (jh_application_parent_class)->dispose (object);
}

static void
jh_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JhApplication *self = JH_APPLICATION (object);

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
jh_application_class_init (JhApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = jh_application_dispose;
  object_class->get_property = jh_application_get_property;

  /**
   * JhApplication:libraries:
   *
   * The clause libraries in use, %NULL until they are loaded.
   */
  properties[PROP_LIBRARIES] =
    g_param_spec_object ("libraries", NULL, NULL,
                         JH_TYPE_LIBRARY_SET,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  app_class->activate = jh_application_activate;
  app_class->open = jh_application_open;
  app_class->startup = jh_application_startup;
}

static void
jh_application_init (JhApplication *self)
{
  self->benchmark_fd = -1;
}

JhApplication *
jh_application_new (GApplicationFlags flags)
{
  return g_object_new (JH_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags,
                       "resource-base-path", "/io/github/jihua/Jihua",
                       NULL);
}
