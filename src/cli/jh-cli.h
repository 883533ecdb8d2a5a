/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses shared by every subcommand. */
#define JH_CLI_EXIT_OK      0
#define JH_CLI_EXIT_FAILURE 1
#define JH_CLI_EXIT_USAGE   2

/**
 * JhCliCommand:
 * @name: what the user types after jihua-cli
 * @parameters: the arguments, for the usage line
 * @summary: one line for the command list (untranslated; marked N_())
 * @run: runs the command; argv[0] is @name; returns an exit status
 *
 * A subcommand.  Each lives in its own jh-cli-NAME.c and is listed once in
 * jihua-cli.c.
 */
typedef struct
{
  const char *name;
  const char *parameters;
  const char *summary;
  int       (*run) (int    argc,
                    char **argv);
} JhCliCommand;

extern const JhCliCommand jh_cli_command_validate;
extern const JhCliCommand jh_cli_command_check;
extern const JhCliCommand jh_cli_command_diff;
extern const JhCliCommand jh_cli_command_export;
extern const JhCliCommand jh_cli_command_fmt;
extern const JhCliCommand jh_cli_command_import;
extern const JhCliCommand jh_cli_command_library;
extern const JhCliCommand jh_cli_command_new;
extern const JhCliCommand jh_cli_command_timing;

int             jh_cli_library_harvest    (int                 argc,
                                           char              **argv);

GOptionContext *jh_cli_option_context_new (const JhCliCommand *command);
int             jh_cli_parse_options      (GOptionContext     *context,
                                           int                *argc,
                                           char             ***argv);

G_END_DECLS
