/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "jihua.h"
#include "jh-cli.h"

static int
run_fmt (int    argc,
         char **argv)
{
  g_autoptr(GOptionContext) context = jh_cli_option_context_new (&jh_cli_command_fmt);
  g_autoptr(GFile) input = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JhPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output_path = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path,
      N_("Write to OUT instead of rewriting FILE (“-” for standard output)"), N_("OUT") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = jh_cli_parse_options (context, &argc, &argv);
  if (status != JH_CLI_EXIT_OK)
    return status;

  if (argc != 2)
    {
      g_printerr ("jihua-cli fmt: %s\n", _("give exactly one plan file"));
      return JH_CLI_EXIT_USAGE;
    }

  input = g_file_new_for_commandline_arg (argv[1]);
  bytes = jh_file_load_bytes (input, NULL, &error);
  if (bytes != NULL)
    plan = jh_plan_load_from_bytes (bytes, argv[1], &error);
  if (plan == NULL)
    {
      g_printerr ("%s\n", error->message);
      return JH_CLI_EXIT_FAILURE;
    }

  if (g_strcmp0 (output_path, "-") == 0)
    {
      g_autoptr(GBytes) formatted = jh_plan_serialize (plan, &error);
      gsize size;
      const char *data;

      if (formatted == NULL)
        {
          g_printerr ("%s\n", error->message);
          return JH_CLI_EXIT_FAILURE;
        }

      data = g_bytes_get_data (formatted, &size);
      if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
        {
          g_printerr ("jihua-cli fmt: %s\n", _("could not write to standard output"));
          return JH_CLI_EXIT_FAILURE;
        }

      return JH_CLI_EXIT_OK;
    }

  output = output_path ? g_file_new_for_commandline_arg (output_path) : g_object_ref (input);
  if (!jh_plan_save_to_file (plan, output, NULL, &error))
    {
      g_printerr ("%s: %s\n", output_path ? output_path : argv[1], error->message);
      return JH_CLI_EXIT_FAILURE;
    }

  return JH_CLI_EXIT_OK;
}

const JhCliCommand jh_cli_command_fmt = {
  .name = "fmt",
  .parameters = N_("FILE"),
  .summary = N_("Rewrite a plan file in Jihua’s canonical layout"),
  .run = run_fmt,
};
