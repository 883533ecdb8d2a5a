/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>

#include "jh-clause-completion.h"

/**
 * JhClauseCompletion:
 *
 * Completes the words being typed in a body with the current clauses of
 * the libraries that contain them: typing 落实工作经费 offers the
 * clauses about it, and choosing one puts its text in place of the
 * words.  A "word" in Chinese text is the run of characters since the
 * last punctuation mark, as GtkSourceView finds it.
 */

/* Fewer characters match too many clauses to be of help. */
#define MIN_TYPED_CHARS 2
#define MAX_PROPOSALS 20

#define JH_TYPE_CLAUSE_PROPOSAL (jh_clause_proposal_get_type ())

G_DECLARE_FINAL_TYPE (JhClauseProposal, jh_clause_proposal, JH, CLAUSE_PROPOSAL, GObject)

struct _JhClauseProposal
{
  GObject   parent_instance;

  JhClause *clause;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (JhClauseProposal, jh_clause_proposal, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GTK_SOURCE_TYPE_COMPLETION_PROPOSAL, NULL))

static void
jh_clause_proposal_finalize (GObject *object)
{
  g_clear_object (&JH_CLAUSE_PROPOSAL (object)->clause);

  G_OBJECT_CLASS (jh_clause_proposal_parent_class)->finalize (object);
}

static void
jh_clause_proposal_class_init (JhClauseProposalClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jh_clause_proposal_finalize;
}

static void
jh_clause_proposal_init (JhClauseProposal *self)
{
}

struct _JhClauseCompletion
{
  GObject                 parent_instance;

  JhLibrarySet           *libraries;
  JhClauseCompletionFunc  func;
  gpointer                user_data;
};

static void provider_iface_init (GtkSourceCompletionProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JhClauseCompletion, jh_clause_completion, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GTK_SOURCE_TYPE_COMPLETION_PROVIDER, provider_iface_init))

/**
 * jh_clause_completion_find:
 * @self: a #JhClauseCompletion
 * @typed: the words typed
 *
 * Returns: (transfer full): the clauses offered for @typed, as
 *   completion proposals whose "clause" is the #JhClause: those whose
 *   text starts with @typed first
 */
GListModel *
jh_clause_completion_find (JhClauseCompletion *self,
                           const char         *typed)
{
  GListStore *proposals = g_list_store_new (JH_TYPE_CLAUSE_PROPOSAL);
  g_autoptr(GPtrArray) starting = g_ptr_array_new ();
  g_autoptr(GPtrArray) containing = g_ptr_array_new ();
  GListModel *clauses;

  g_return_val_if_fail (JH_IS_CLAUSE_COMPLETION (self), NULL);

  if (self->libraries == NULL || typed == NULL || g_utf8_strlen (typed, -1) < MIN_TYPED_CHARS)
    return G_LIST_MODEL (proposals);

  clauses = jh_library_set_get_clauses (self->libraries);
  for (guint i = 0; i < g_list_model_get_n_items (clauses) && starting->len < MAX_PROPOSALS; i++)
    {
      g_autoptr(JhClause) clause = g_list_model_get_item (clauses, i);
      const char *text = jh_clause_get_text (clause);

      if (jh_clause_get_status (clause) != JH_CLAUSE_STATUS_CURRENT)
        continue;
      if (g_str_has_prefix (text, typed))
        g_ptr_array_add (starting, clause);
      else if (strstr (text, typed) != NULL || strstr (jh_clause_get_title (clause), typed) != NULL)
        g_ptr_array_add (containing, clause);
    }

  g_ptr_array_extend_and_steal (starting, g_steal_pointer (&containing));
  for (guint i = 0; i < MIN (starting->len, MAX_PROPOSALS); i++)
    {
      g_autoptr(JhClauseProposal) proposal = g_object_new (JH_TYPE_CLAUSE_PROPOSAL, NULL);

      proposal->clause = g_object_ref (g_ptr_array_index (starting, i));
      g_list_store_append (proposals, proposal);
    }

  return G_LIST_MODEL (proposals);
}

/**
 * jh_clause_completion_get_proposal_clause:
 * @proposal: a proposal of a #JhClauseCompletion
 *
 * Returns: (transfer none): the clause it offers
 */
JhClause *
jh_clause_completion_get_proposal_clause (GtkSourceCompletionProposal *proposal)
{
  g_return_val_if_fail (JH_IS_CLAUSE_PROPOSAL (proposal), NULL);

  return JH_CLAUSE_PROPOSAL (proposal)->clause;
}

static char *
jh_clause_completion_get_title (GtkSourceCompletionProvider *provider)
{
  return g_strdup (_("Clauses"));
}

static GListModel *
jh_clause_completion_populate (GtkSourceCompletionProvider  *provider,
                               GtkSourceCompletionContext   *context,
                               GError                      **error)
{
  g_autofree char *word = gtk_source_completion_context_get_word (context);

  return jh_clause_completion_find (JH_CLAUSE_COMPLETION (provider), word);
}

static void
jh_clause_completion_refilter (GtkSourceCompletionProvider *provider,
                               GtkSourceCompletionContext  *context,
                               GListModel                  *model)
{
  g_autofree char *word = gtk_source_completion_context_get_word (context);
  g_autoptr(GListModel) proposals = jh_clause_completion_find (JH_CLAUSE_COMPLETION (provider), word);

  gtk_source_completion_context_set_proposals_for_provider (context, provider, proposals);
}

static void
jh_clause_completion_display (GtkSourceCompletionProvider *provider,
                              GtkSourceCompletionContext  *context,
                              GtkSourceCompletionProposal *proposal,
                              GtkSourceCompletionCell     *cell)
{
  JhClause *clause = jh_clause_completion_get_proposal_clause (proposal);

  switch (gtk_source_completion_cell_get_column (cell))
    {
    case GTK_SOURCE_COMPLETION_COLUMN_TYPED_TEXT:
      gtk_source_completion_cell_set_text (cell, jh_clause_get_title (clause));
      break;

    case GTK_SOURCE_COMPLETION_COLUMN_COMMENT:
    case GTK_SOURCE_COMPLETION_COLUMN_DETAILS:
      gtk_source_completion_cell_set_text (cell, jh_clause_get_text (clause));
      break;

    case GTK_SOURCE_COMPLETION_COLUMN_ICON:
    case GTK_SOURCE_COMPLETION_COLUMN_BEFORE:
    case GTK_SOURCE_COMPLETION_COLUMN_AFTER:
    default:
      gtk_source_completion_cell_set_text (cell, NULL);
      break;
    }
}

static void
jh_clause_completion_activate (GtkSourceCompletionProvider *provider,
                               GtkSourceCompletionContext  *context,
                               GtkSourceCompletionProposal *proposal)
{
  JhClauseCompletion *self = JH_CLAUSE_COMPLETION (provider);
  GtkTextIter begin, end;

  if (self->func != NULL && gtk_source_completion_context_get_bounds (context, &begin, &end))
    self->func (jh_clause_completion_get_proposal_clause (proposal), &begin, &end, self->user_data);
}

static void
provider_iface_init (GtkSourceCompletionProviderInterface *iface)
{
  iface->get_title = jh_clause_completion_get_title;
  iface->populate = jh_clause_completion_populate;
  iface->refilter = jh_clause_completion_refilter;
  iface->display = jh_clause_completion_display;
  iface->activate = jh_clause_completion_activate;
}

static void
jh_clause_completion_dispose (GObject *object)
{
  JhClauseCompletion *self = JH_CLAUSE_COMPLETION (object);

  g_clear_object (&self->libraries);

  G_OBJECT_CLASS (jh_clause_completion_parent_class)->dispose (object);
}

static void
jh_clause_completion_class_init (JhClauseCompletionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jh_clause_completion_dispose;
}

static void
jh_clause_completion_init (JhClauseCompletion *self)
{
}

/**
 * jh_clause_completion_new:
 * @func: what puts a chosen clause in the text
 * @user_data: data for @func, not owned
 *
 * Returns: (transfer full): a provider that offers nothing until it has
 *   libraries
 */
JhClauseCompletion *
jh_clause_completion_new (JhClauseCompletionFunc func,
                          gpointer               user_data)
{
  JhClauseCompletion *self = g_object_new (JH_TYPE_CLAUSE_COMPLETION, NULL);

  self->func = func;
  self->user_data = user_data;

  return self;
}

void
jh_clause_completion_set_libraries (JhClauseCompletion *self,
                                    JhLibrarySet       *libraries)
{
  g_return_if_fail (JH_IS_CLAUSE_COMPLETION (self));
  g_return_if_fail (libraries == NULL || JH_IS_LIBRARY_SET (libraries));

  g_set_object (&self->libraries, libraries);
}
