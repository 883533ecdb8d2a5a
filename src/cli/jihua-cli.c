/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "jh-cli.h"
#include "jh-xml.h"

static const JhCliCommand * const commands[] = {
  &jh_cli_command_check,
  &jh_cli_command_diff,
  &jh_cli_command_export,
  &jh_cli_command_fmt,
  &jh_cli_command_import,
  &jh_cli_command_library,
  &jh_cli_command_new,
  &jh_cli_command_timing,
  &jh_cli_command_validate,
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage: jihua-cli COMMAND [OPTION…] [ARGUMENT…]"));
  fprintf (stream, "\n%s\n", _("Work with Jihua plan files from the command line."));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-10s %s\n", commands[i]->name, _(commands[i]->summary));
  fprintf (stream, "\n%s\n", _("Run “jihua-cli COMMAND --help” for the options of a command."));
}

GOptionContext *
jh_cli_option_context_new (const JhCliCommand *command)
{
  GOptionContext *context;

  context = g_option_context_new (command->parameters);
  g_option_context_set_summary (context, _(command->summary));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  return context;
}

/* Parses the options of a subcommand; on a usage error, says what is
 * wrong and returns the usage exit status.
 */
int
jh_cli_parse_options (GOptionContext   *context,
                      int              *argc,
                      char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("jihua-cli: %s\n", error->message);
      return JH_CLI_EXIT_USAGE;
    }

  return JH_CLI_EXIT_OK;
}

int
main (int    argc,
      char **argv)
{
  const char *name;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  jh_xml_init ();

  if (argc < 2)
    {
      print_usage (stderr);
      return JH_CLI_EXIT_USAGE;
    }

  name = argv[1];

  if (g_str_equal (name, "--help") || g_str_equal (name, "-h") || g_str_equal (name, "help"))
    {
      print_usage (stdout);
      return JH_CLI_EXIT_OK;
    }

  if (g_str_equal (name, "--version"))
    {
      g_print ("jihua-cli %s\n", PACKAGE_VERSION);
      return JH_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (name, commands[i]->name))
      return commands[i]->run (argc - 1, argv + 1);

  g_printerr (_("jihua-cli: unknown command “%s”\n"), name);
  print_usage (stderr);

  return JH_CLI_EXIT_USAGE;
}
