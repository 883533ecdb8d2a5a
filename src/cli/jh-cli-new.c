/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>

#include "jihua.h"
#include "jh-cli.h"

static int
list_templates (void)
{
  g_autoptr(GPtrArray) templates = jh_templates_list ();

  for (guint i = 0; i < templates->len; i++)
    {
      JhTemplateInfo *info = g_ptr_array_index (templates, i);

      g_print ("%s\t%s\n", info->name, info->title);
    }

  return JH_CLI_EXIT_OK;
}

static JhPlan *
load_plan (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GBytes) bytes = jh_file_load_bytes (file, NULL, error);

  if (bytes == NULL)
    return NULL;

  return jh_plan_load_from_bytes (bytes, path, error);
}

static int
run_new (int    argc,
         char **argv)
{
  g_autoptr(GOptionContext) context = jh_cli_option_context_new (&jh_cli_command_new);
  g_autofree char *from = NULL;
  g_autofree char *summary_from = NULL;
  g_autofree char *template_name = NULL;
  g_autofree char *organization = NULL;
  g_autofree char *output_path = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(JhPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  gboolean list = FALSE;
  int year = 0;
  int status;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from, N_("Start from last year’s plan OLD"), N_("OLD") },
    { "summary-from", 0, 0, G_OPTION_ARG_FILENAME, &summary_from, N_("Start the year’s summary (工作总结) from the year’s plan PLAN"), N_("PLAN") },
    { "template", 0, 0, G_OPTION_ARG_STRING, &template_name, N_("Start from the built-in template NAME"), N_("NAME") },
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, N_("The year of the new plan (with --template; default: next year)"), N_("YEAR") },
    { "organization", 0, 0, G_OPTION_ARG_STRING, &organization, N_("The organization (with --template)"), N_("ORGANIZATION") },
    { "list-templates", 0, 0, G_OPTION_ARG_NONE, &list, N_("List the built-in templates, one a line, the name first"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path, N_("Write the new plan to NEW, which must not exist"), N_("NEW") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = jh_cli_parse_options (context, &argc, &argv);
  if (status != JH_CLI_EXIT_OK)
    return status;

  if (list)
    return list_templates ();

  if ((from != NULL) + (template_name != NULL) + (summary_from != NULL) != 1 || output_path == NULL || argc != 1)
    {
      g_printerr ("jihua-cli new: %s\n", _("give --from OLD, --template NAME or --summary-from PLAN, and -o NEW"));
      return JH_CLI_EXIT_USAGE;
    }

  if (year == 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      year = g_date_time_get_year (now) + 1;
    }
  if (year < JH_PLAN_MIN_YEAR || year > JH_PLAN_MAX_YEAR)
    {
      g_printerr ("jihua-cli new: %s\n", _("the year is out of range"));
      return JH_CLI_EXIT_USAGE;
    }

  output = g_file_new_for_commandline_arg (output_path);

  /* A new plan never replaces a file: it may be someone's work. */
  if (g_file_query_exists (output, NULL))
    {
      g_printerr (_("jihua-cli new: %s exists already; choose another name\n"), output_path);
      return JH_CLI_EXIT_FAILURE;
    }

  if (summary_from != NULL)
    {
      g_autoptr(JhPlan) year_plan = load_plan (summary_from, &error);

      if (year_plan != NULL)
        plan = jh_summary_new_from_plan (year_plan);
    }
  else if (from != NULL)
    {
      g_autoptr(JhPlan) old = load_plan (from, &error);
      g_autofree char *source = NULL;

      if (old != NULL)
        {
          g_autoptr(GFile) old_file = g_file_new_for_commandline_arg (from);

          source = g_file_get_basename (old_file);
          plan = jh_plan_carry_over (old, source, &error);
        }
    }
  else
    {
      plan = jh_template_instantiate (template_name, year, organization, &error);
      if (plan == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_printerr ("jihua-cli new: %s\n", error->message);
          return JH_CLI_EXIT_USAGE;
        }
    }

  if (plan == NULL || !jh_plan_save_to_file (plan, output, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return JH_CLI_EXIT_FAILURE;
    }

  return JH_CLI_EXIT_OK;
}

const JhCliCommand jh_cli_command_new = {
  .name = "new",
  .parameters = "",
  .summary = N_("Start a plan from last year’s plan or from a template, or the year’s summary from its plan"),
  .run = run_new,
};
