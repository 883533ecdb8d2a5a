/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jihua.h"

/* Any bytes given to the clause-library reader are refused with a
 * JH_FILE_ERROR, or give a library whose clauses are indexed and whose
 * rules run on their own examples in bounded time (a library is outside
 * data: a shared folder, a download).
 */
int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(JhLibrary) library = NULL;
  g_autoptr(JhLibrarySet) libraries = NULL;
  g_autoptr(GPtrArray) failures = NULL;
  GListModel *clauses;

  library = jh_library_load_from_bytes (bytes, "fuzz.jhlib", &error);
  if (library == NULL)
    {
      g_assert (error != NULL && error->domain == JH_FILE_ERROR);
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  clauses = jh_library_get_clauses (library);
  for (guint i = 0; i < g_list_model_get_n_items (clauses); i++)
    {
      g_autoptr(JhClause) clause = g_list_model_get_item (clauses, i);

      g_assert (jh_library_find_clause (library, jh_clause_get_id (clause)) != NULL);
      g_assert (g_utf8_validate (jh_clause_get_text (clause), -1, NULL));
    }

  libraries = jh_library_set_new ();
  jh_library_set_append (libraries, library);
  g_assert_cmpuint (jh_clause_index_get_n_items (jh_library_set_get_index (libraries)), <=,
                    g_list_model_get_n_items (clauses));

  /* The rules' own examples: what `jihua-cli library test` runs. */
  jh_library_test (library, &failures);

  return 0;
}
