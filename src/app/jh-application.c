/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "jh-application.h"
#include "jh-window.h"

struct _JhApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (JhApplication, jh_application, ADW_TYPE_APPLICATION)

/* A new user is greeted by the sample plan rather than a blank page: it
 * shows at once what a plan is made of.
 */
static void
jh_application_activate (GApplication *application)
{
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  JhWindow *window = jh_window_new (GTK_APPLICATION (application));

  jh_window_set_plan (window, plan, NULL);
  gtk_window_present (GTK_WINDOW (window));
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
        window = jh_window_new (GTK_APPLICATION (application));

      jh_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
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
  { "about", about_action_cb },
  { "quit", quit_action_cb },
};

static void
jh_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (jh_application_parent_class)->startup (application);

  gtk_source_init ();

  g_action_map_add_action_entries (G_ACTION_MAP (application),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
}

static void
jh_application_class_init (JhApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = jh_application_activate;
  app_class->open = jh_application_open;
  app_class->startup = jh_application_startup;
}

static void
jh_application_init (JhApplication *self)
{
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
