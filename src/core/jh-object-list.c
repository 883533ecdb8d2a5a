/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <string.h>

#include "jh-object-list.h"

/**
 * JhObjectList:
 *
 * A list of objects, like #GListStore, for lists of a hundred thousand
 * clauses: its items are in one array, a pointer each, where a
 * #GListStore keeps a node of its #GSequence (some 56 bytes with the
 * allocator's header) for each.  Finding an item's position, and
 * inserting or removing anywhere but at the end, take time in
 * proportion to the length; the libraries do that one clause at a time,
 * when the user edits one.
 */

struct _JhObjectList
{
  GObject    parent_instance;

  GType      item_type;
  GPtrArray *items;
};

static void jh_object_list_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JhObjectList, jh_object_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      jh_object_list_list_model_init))

enum {
  PROP_0,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
jh_object_list_get_item_type (GListModel *model)
{
  return JH_OBJECT_LIST (model)->item_type;
}

static guint
jh_object_list_get_n_items (GListModel *model)
{
  return JH_OBJECT_LIST (model)->items->len;
}

static gpointer
jh_object_list_get_item (GListModel *model,
                         guint       position)
{
  JhObjectList *self = JH_OBJECT_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
jh_object_list_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = jh_object_list_get_item_type;
  iface->get_n_items = jh_object_list_get_n_items;
  iface->get_item = jh_object_list_get_item;
}

static void
jh_object_list_dispose (GObject *object)
{
  JhObjectList *self = (JhObjectList *) object;

  if (self->items != NULL)
    g_ptr_array_set_size (self->items, 0);

  G_OBJECT_CLASS (jh_object_list_parent_class)->dispose (object);
}

static void
jh_object_list_finalize (GObject *object)
{
  JhObjectList *self = (JhObjectList *) object;

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (jh_object_list_parent_class)->finalize (object);
}

static void
jh_object_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JhObjectList *self = JH_OBJECT_LIST (object);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, self->item_type);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_object_list_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  JhObjectList *self = JH_OBJECT_LIST (object);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      self->item_type = g_value_get_gtype (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_object_list_class_init (JhObjectListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jh_object_list_dispose;
  object_class->finalize = jh_object_list_finalize;
  object_class->get_property = jh_object_list_get_property;
  object_class->set_property = jh_object_list_set_property;

  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, G_TYPE_OBJECT,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jh_object_list_init (JhObjectList *self)
{
  self->item_type = G_TYPE_OBJECT;
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * jh_object_list_new:
 * @item_type: the #GType of the items, a #GObject type
 *
 * Returns: (transfer full): a new empty list
 */
JhObjectList *
jh_object_list_new (GType item_type)
{
  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);

  return g_object_new (JH_TYPE_OBJECT_LIST, "item-type", item_type, NULL);
}

/* As GListStore: items-changed first, then notify::n-items when the
 * length changed.
 */
static void
items_changed (JhObjectList *self,
               guint         position,
               guint         removed,
               guint         added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/**
 * jh_object_list_append:
 * @self: a #JhObjectList
 * @item: (type GObject): an object of the list's item type
 *
 * Adds a reference to @item at the end.
 */
void
jh_object_list_append (JhObjectList *self,
                       gpointer      item)
{
  g_return_if_fail (JH_IS_OBJECT_LIST (self));
  g_return_if_fail (g_type_is_a (G_OBJECT_TYPE (item), self->item_type));

  g_ptr_array_add (self->items, g_object_ref (item));
  items_changed (self, self->items->len - 1, 0, 1);
}

/**
 * jh_object_list_splice:
 * @self: a #JhObjectList
 * @position: where to remove and add
 * @n_removals: how many items to remove from @position
 * @additions: (array length=n_additions) (element-type GObject) (nullable):
 *   the items to put there, each of the list's item type
 * @n_additions: how many
 *
 * Removes and adds at once, with one #GListModel::items-changed.
 */
void
jh_object_list_splice (JhObjectList *self,
                       guint         position,
                       guint         n_removals,
                       gpointer     *additions,
                       guint         n_additions)
{
  g_return_if_fail (JH_IS_OBJECT_LIST (self));
  g_return_if_fail (position <= self->items->len);
  g_return_if_fail (n_removals <= self->items->len - position);
  g_return_if_fail (additions != NULL || n_additions == 0);

  for (guint i = 0; i < n_additions; i++)
    g_return_if_fail (g_type_is_a (G_OBJECT_TYPE (additions[i]), self->item_type));

  if (n_removals > 0)
    g_ptr_array_remove_range (self->items, position, n_removals);

  if (n_additions > 0)
    {
      guint tail = self->items->len - position;
      gpointer *pdata;

      /* Room at the end, the items after @position moved into it, and
       * the additions in the gap: one move, however many are added.
       */
      g_ptr_array_set_size (self->items, self->items->len + n_additions);
      pdata = self->items->pdata;
      memmove (pdata + position + n_additions, pdata + position, tail * sizeof (gpointer));
      for (guint i = 0; i < n_additions; i++)
        pdata[position + i] = g_object_ref (additions[i]);
    }

  if (n_removals > 0 || n_additions > 0)
    items_changed (self, position, n_removals, n_additions);
}

/**
 * jh_object_list_remove:
 * @self: a #JhObjectList
 * @position: the position of an item
 *
 * Removes the item at @position.
 */
void
jh_object_list_remove (JhObjectList *self,
                       guint         position)
{
  g_return_if_fail (JH_IS_OBJECT_LIST (self));
  g_return_if_fail (position < self->items->len);

  g_ptr_array_remove_index (self->items, position);
  items_changed (self, position, 1, 0);
}

/**
 * jh_object_list_remove_all:
 * @self: a #JhObjectList
 *
 * Removes every item, and gives back the memory that held them.
 */
void
jh_object_list_remove_all (JhObjectList *self)
{
  guint n_items;

  g_return_if_fail (JH_IS_OBJECT_LIST (self));

  n_items = self->items->len;
  if (n_items == 0)
    return;

  /* A new array rather than g_ptr_array_set_size (0), which would keep
   * the room for all the items.
   */
  g_ptr_array_unref (self->items);
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  items_changed (self, 0, n_items, 0);
}

/**
 * jh_object_list_find:
 * @self: a #JhObjectList
 * @item: (type GObject): an object
 * @position: (out) (optional): where @item is, when found
 *
 * Looks for @item itself (not an equal one), from the start.
 *
 * Returns: whether @self has @item
 */
gboolean
jh_object_list_find (JhObjectList *self,
                     gpointer      item,
                     guint        *position)
{
  g_return_val_if_fail (JH_IS_OBJECT_LIST (self), FALSE);

  return g_ptr_array_find (self->items, item, position);
}
