/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jihua.h"

/* JhObjectList behaves as GListStore does for what the libraries use:
 * the same items in the same order and the same items-changed.
 */

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
  guint n_items_notifies;
} Changes;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Changes    *changes)
{
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
  changes->count++;
}

static void
on_n_items_notify_cb (GObject    *object,
                      GParamSpec *pspec,
                      Changes    *changes)
{
  changes->n_items_notifies++;
}

static JhObjectList *
new_watched_list (Changes *changes)
{
  JhObjectList *list = jh_object_list_new (JH_TYPE_CLAUSE);

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), changes);
  g_signal_connect (list, "notify::n-items", G_CALLBACK (on_n_items_notify_cb), changes);

  return list;
}

static JhClause *
new_clause (guint number)
{
  g_autofree char *id = g_strdup_printf ("test.%u", number);

  return jh_clause_new (id, 1, id, "text");
}

static void
assert_items (JhObjectList *list,
              JhClause    **expected,
              guint         n_expected)
{
  GListModel *model = G_LIST_MODEL (list);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      g_autoptr(JhClause) item = g_list_model_get_item (model, i);

      g_assert_true (item == expected[i]);
    }
  g_assert_null (g_list_model_get_item (model, n_expected));
}

static void
assert_changes (Changes *changes,
                guint    count,
                guint    position,
                guint    removed,
                guint    added)
{
  g_assert_cmpuint (changes->count, ==, count);
  g_assert_cmpuint (changes->position, ==, position);
  g_assert_cmpuint (changes->removed, ==, removed);
  g_assert_cmpuint (changes->added, ==, added);
}

static void
test_model (void)
{
  g_autoptr(JhObjectList) list = jh_object_list_new (JH_TYPE_CLAUSE);
  GType item_type = G_TYPE_INVALID;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == JH_TYPE_CLAUSE);
  g_object_get (list, "item-type", &item_type, NULL);
  g_assert_true (item_type == JH_TYPE_CLAUSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 0));
}

static void
test_append_remove (void)
{
  Changes changes = { 0 };
  g_autoptr(JhObjectList) list = new_watched_list (&changes);
  g_autoptr(JhClause) a = new_clause (1);
  g_autoptr(JhClause) b = new_clause (2);
  g_autoptr(JhClause) c = new_clause (3);
  guint n_items = 0;

  jh_object_list_append (list, a);
  assert_changes (&changes, 1, 0, 0, 1);
  jh_object_list_append (list, b);
  assert_changes (&changes, 2, 1, 0, 1);
  jh_object_list_append (list, c);
  assert_changes (&changes, 3, 2, 0, 1);
  assert_items (list, (JhClause *[]) { a, b, c }, 3);
  g_assert_cmpuint (changes.n_items_notifies, ==, 3);
  g_object_get (list, "n-items", &n_items, NULL);
  g_assert_cmpuint (n_items, ==, 3);

  jh_object_list_remove (list, 1);
  assert_changes (&changes, 4, 1, 1, 0);
  assert_items (list, (JhClause *[]) { a, c }, 2);

  jh_object_list_remove_all (list);
  assert_changes (&changes, 5, 0, 2, 0);
  assert_items (list, NULL, 0);
  g_assert_cmpuint (changes.n_items_notifies, ==, 5);

  /* Nothing to remove: no signal, as GListStore. */
  jh_object_list_remove_all (list);
  g_assert_cmpuint (changes.count, ==, 5);
}

static void
test_splice (void)
{
  Changes changes = { 0 };
  g_autoptr(JhObjectList) list = new_watched_list (&changes);
  g_autoptr(JhClause) a = new_clause (1);
  g_autoptr(JhClause) b = new_clause (2);
  g_autoptr(JhClause) c = new_clause (3);
  g_autoptr(JhClause) d = new_clause (4);
  g_autoptr(JhClause) e = new_clause (5);

  jh_object_list_splice (list, 0, 0, (gpointer []) { a, e }, 2);
  assert_changes (&changes, 1, 0, 0, 2);
  assert_items (list, (JhClause *[]) { a, e }, 2);

  /* Into the middle. */
  jh_object_list_splice (list, 1, 0, (gpointer []) { b, c, d }, 3);
  assert_changes (&changes, 2, 1, 0, 3);
  assert_items (list, (JhClause *[]) { a, b, c, d, e }, 5);

  /* In place of one, as a library replaces a clause by its revision:
   * the length stays, so n-items is not notified.
   */
  jh_object_list_splice (list, 2, 1, (gpointer []) { e }, 1);
  assert_changes (&changes, 3, 2, 1, 1);
  assert_items (list, (JhClause *[]) { a, b, e, d, e }, 5);
  g_assert_cmpuint (changes.n_items_notifies, ==, 2);

  /* Only removing. */
  jh_object_list_splice (list, 3, 2, NULL, 0);
  assert_changes (&changes, 4, 3, 2, 0);
  assert_items (list, (JhClause *[]) { a, b, e }, 3);

  /* Nothing at all: no signal. */
  jh_object_list_splice (list, 3, 0, NULL, 0);
  g_assert_cmpuint (changes.count, ==, 4);
}

static void
test_find (void)
{
  g_autoptr(JhObjectList) list = jh_object_list_new (JH_TYPE_CLAUSE);
  g_autoptr(JhClause) a = new_clause (1);
  g_autoptr(JhClause) b = new_clause (2);
  g_autoptr(JhClause) other = new_clause (2);
  guint position = G_MAXUINT;

  jh_object_list_splice (list, 0, 0, (gpointer []) { a, b }, 2);
  g_assert_true (jh_object_list_find (list, b, &position));
  g_assert_cmpuint (position, ==, 1);
  g_assert_true (jh_object_list_find (list, a, NULL));
  /* The same id is not the same clause. */
  g_assert_false (jh_object_list_find (list, other, &position));
}

/* The list holds a reference to each item while it has it, and none
 * after: the last of the list's own goes with it.
 */
static void
test_references (void)
{
  JhObjectList *list = jh_object_list_new (JH_TYPE_CLAUSE);
  JhClause *kept = new_clause (1);
  JhClause *removed = new_clause (2);

  jh_object_list_append (list, kept);
  jh_object_list_append (list, removed);
  g_object_add_weak_pointer (G_OBJECT (removed), (gpointer *) &removed);
  g_object_unref (removed);
  g_assert_nonnull (removed);
  jh_object_list_remove (list, 1);
  g_assert_null (removed);

  g_object_add_weak_pointer (G_OBJECT (kept), (gpointer *) &kept);
  g_object_unref (kept);
  g_assert_finalize_object (list);
  g_assert_null (kept);
}

static void
test_many (void)
{
  g_autoptr(JhObjectList) list = jh_object_list_new (JH_TYPE_CLAUSE);
  g_autoptr(GPtrArray) clauses = g_ptr_array_new_with_free_func (g_object_unref);
  guint position;

  for (guint i = 0; i < 1000; i++)
    g_ptr_array_add (clauses, new_clause (i));
  jh_object_list_splice (list, 0, 0, clauses->pdata, 500);
  jh_object_list_splice (list, 250, 0, clauses->pdata + 500, 500);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1000);
  g_assert_true (jh_object_list_find (list, g_ptr_array_index (clauses, 500), &position));
  g_assert_cmpuint (position, ==, 250);
  g_assert_true (jh_object_list_find (list, g_ptr_array_index (clauses, 250), &position));
  g_assert_cmpuint (position, ==, 750);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jihua/object-list/model", test_model);
  g_test_add_func ("/jihua/object-list/append-remove", test_append_remove);
  g_test_add_func ("/jihua/object-list/splice", test_splice);
  g_test_add_func ("/jihua/object-list/find", test_find);
  g_test_add_func ("/jihua/object-list/references", test_references);
  g_test_add_func ("/jihua/object-list/many", test_many);

  return g_test_run ();
}
