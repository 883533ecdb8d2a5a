/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>

#include "jihua.h"
#include "jh-cli.h"

/* Messages name the file as the user typed it, like a compiler's. */
static gboolean
validate_one (const char  *path,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JhPlan) plan = NULL;
  g_autoptr(GError) local_error = NULL;

  bytes = jh_file_load_bytes (file, NULL, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, JH_FILE_ERROR, JH_FILE_ERROR_TOO_LARGE))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, local_error->domain, local_error->code,
                     "%s: %s", path, local_error->message);
      return FALSE;
    }

  plan = jh_plan_load_from_bytes (bytes, path, error);

  return plan != NULL;
}

static int
run_validate (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = jh_cli_option_context_new (&jh_cli_command_validate);
  gboolean quiet = FALSE;
  int status;
  int n_invalid = 0;
  const GOptionEntry entries[] = {
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Print nothing for valid files"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = jh_cli_parse_options (context, &argc, &argv);
  if (status != JH_CLI_EXIT_OK)
    return status;

  if (argc < 2)
    {
      g_printerr ("jihua-cli validate: %s\n", _("no file given"));
      return JH_CLI_EXIT_USAGE;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;

      if (validate_one (argv[i], &error))
        {
          if (!quiet)
            g_print (_("%s: valid\n"), argv[i]);
        }
      else
        {
          g_printerr ("%s\n", error->message);
          n_invalid++;
        }
    }

  return n_invalid == 0 ? JH_CLI_EXIT_OK : JH_CLI_EXIT_FAILURE;
}

const JhCliCommand jh_cli_command_validate = {
  .name = "validate",
  .parameters = N_("FILE…"),
  .summary = N_("Check that plan files are valid; print FILE:LINE: message for each that is not"),
  .run = run_validate,
};
