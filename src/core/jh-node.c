/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include "jh-node-private.h"

typedef struct
{
  /* Not a reference: the parent owns its children, and clears this
   * pointer when it lets go of a child.
   */
  JhNode *parent;
} JhNodePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (JhNode, jh_node, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
jh_node_dispatch_properties_changed (GObject     *object,
                                     guint        n_pspecs,
                                     GParamSpec **pspecs)
{
  G_OBJECT_CLASS (jh_node_parent_class)->dispatch_properties_changed (object, n_pspecs, pspecs);

  /* Every property of a node is part of the document, so any
   * notification is a change of the document.
   */
  _jh_node_emit_changed (JH_NODE (object));
}

static GListModel *
jh_node_real_get_child_list (JhNode *self,
                             GType   child_type)
{
  return NULL;
}

static gboolean
jh_node_real_can_hold (JhNode *self,
                       JhNode *child)
{
  return TRUE;
}

static void
jh_node_class_init (JhNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispatch_properties_changed = jh_node_dispatch_properties_changed;

  klass->get_child_list = jh_node_real_get_child_list;
  klass->can_hold = jh_node_real_can_hold;

  /**
   * JhNode::changed:
   *
   * Emitted when the node or anything below it changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
jh_node_init (JhNode *self)
{
}

/**
 * jh_node_get_parent:
 * @self: a #JhNode
 *
 * Returns: (transfer none) (nullable): the node holding @self
 */
JhNode *
jh_node_get_parent (JhNode *self)
{
  JhNodePrivate *priv = jh_node_get_instance_private (self);

  g_return_val_if_fail (JH_IS_NODE (self), NULL);

  return priv->parent;
}

/**
 * jh_node_get_root:
 * @self: a #JhNode
 *
 * Returns: (transfer none): the topmost ancestor of @self, usually its plan
 */
JhNode *
jh_node_get_root (JhNode *self)
{
  g_return_val_if_fail (JH_IS_NODE (self), NULL);

  while (jh_node_get_parent (self) != NULL)
    self = jh_node_get_parent (self);

  return self;
}

/**
 * jh_node_get_child_list:
 * @self: a #JhNode
 * @child_type: a node type
 *
 * Returns: (transfer none) (nullable): the list of @self's children of
 *   @child_type, or %NULL when @self has no such children
 */
GListModel *
jh_node_get_child_list (JhNode *self,
                        GType   child_type)
{
  g_return_val_if_fail (JH_IS_NODE (self), NULL);

  return JH_NODE_GET_CLASS (self)->get_child_list (self, child_type);
}

/**
 * jh_node_can_hold:
 * @self: a #JhNode
 * @child: a #JhNode
 *
 * Says whether @child can be inserted into @self: @child has no parent,
 * @self keeps children of its type, and the rules of the plan (such as
 * the depth of tasks) allow it.
 *
 * Returns: whether jh_node_insert_child() would accept @child
 */
gboolean
jh_node_can_hold (JhNode *self,
                  JhNode *child)
{
  g_return_val_if_fail (JH_IS_NODE (self), FALSE);
  g_return_val_if_fail (JH_IS_NODE (child), FALSE);

  return jh_node_get_parent (child) == NULL && _jh_node_accepts (self, child);
}

/* Whether @self could hold @child, wherever @child is now. */
gboolean
_jh_node_accepts (JhNode *self,
                  JhNode *child)
{
  return child != self &&
         jh_node_get_child_list (self, G_OBJECT_TYPE (child)) != NULL &&
         JH_NODE_GET_CLASS (self)->can_hold (self, child);
}

/**
 * jh_node_insert_child:
 * @self: a #JhNode
 * @position: where to insert, or -1 for the end
 * @child: a node @self can hold
 *
 * Inserts @child among the children of @self of its type.  Editors use
 * this, and the undo history, so that they need not know which list a
 * kind of node lives in.
 */
void
jh_node_insert_child (JhNode *self,
                      int     position,
                      JhNode *child)
{
  g_return_if_fail (JH_IS_NODE (self));
  g_return_if_fail (jh_node_can_hold (self, child));

  _jh_node_list_insert (self,
                        G_LIST_STORE (jh_node_get_child_list (self, G_OBJECT_TYPE (child))),
                        position, child);
}

/**
 * jh_node_remove_child:
 * @self: a #JhNode
 * @child: a child of @self
 *
 * Returns: %TRUE if @child was a child of @self and was removed
 */
gboolean
jh_node_remove_child (JhNode *self,
                      JhNode *child)
{
  GListModel *children;

  g_return_val_if_fail (JH_IS_NODE (self), FALSE);
  g_return_val_if_fail (JH_IS_NODE (child), FALSE);

  children = jh_node_get_child_list (self, G_OBJECT_TYPE (child));
  if (children == NULL)
    return FALSE;

  return _jh_node_list_remove (self, G_LIST_STORE (children), child);
}

/**
 * jh_node_move_child:
 * @self: a #JhNode
 * @child: a child of @self
 * @position: its new position among its siblings
 *
 * Returns: %TRUE if @child was moved (or already was at @position)
 */
gboolean
jh_node_move_child (JhNode *self,
                    JhNode *child,
                    guint   position)
{
  GListModel *children;

  g_return_val_if_fail (JH_IS_NODE (self), FALSE);
  g_return_val_if_fail (JH_IS_NODE (child), FALSE);

  children = jh_node_get_child_list (self, G_OBJECT_TYPE (child));
  if (children == NULL)
    return FALSE;

  return _jh_node_list_move (self, G_LIST_STORE (children), child, position);
}

/**
 * jh_node_get_position:
 * @self: a #JhNode
 *
 * Returns: the index of @self among its parent's children of its type,
 *   or 0 when it has no parent
 */
guint
jh_node_get_position (JhNode *self)
{
  JhNode *parent;
  guint position;

  g_return_val_if_fail (JH_IS_NODE (self), 0);

  parent = jh_node_get_parent (self);
  if (parent == NULL)
    return 0;

  position = _jh_node_list_index (G_LIST_STORE (jh_node_get_child_list (parent, G_OBJECT_TYPE (self))), self);
  g_assert (position != G_MAXUINT);

  return position;
}

void
_jh_node_emit_changed (JhNode *self)
{
  for (JhNode *node = self; node != NULL; node = jh_node_get_parent (node))
    g_signal_emit (node, signals[CHANGED], 0);
}

static void
set_parent (gpointer child,
            JhNode  *parent)
{
  JhNodePrivate *priv = jh_node_get_instance_private (JH_NODE (child));

  priv->parent = parent;
}

void
_jh_node_list_insert (JhNode     *owner,
                      GListStore *children,
                      int         position,
                      gpointer    child)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (children));

  g_assert (JH_IS_NODE (child));
  g_assert (jh_node_get_parent (child) == NULL);

  if (position < 0 || (guint) position > n_items)
    position = n_items;

  set_parent (child, owner);
  g_list_store_insert (children, position, child);
  _jh_node_emit_changed (owner);
}

guint
_jh_node_list_index (GListStore *children,
                     gpointer    child)
{
  guint position;

  if (!g_list_store_find (children, child, &position))
    return G_MAXUINT;

  return position;
}

gboolean
_jh_node_list_remove (JhNode     *owner,
                      GListStore *children,
                      gpointer    child)
{
  guint position = _jh_node_list_index (children, child);

  if (position == G_MAXUINT)
    return FALSE;

  set_parent (child, NULL);
  g_list_store_remove (children, position);
  _jh_node_emit_changed (owner);

  return TRUE;
}

gboolean
_jh_node_list_move (JhNode     *owner,
                    GListStore *children,
                    gpointer    child,
                    guint       new_position)
{
  g_autoptr(GObject) keep = NULL;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (children));
  guint position = _jh_node_list_index (children, child);

  if (position == G_MAXUINT || new_position >= n_items)
    return FALSE;

  if (position == new_position)
    return TRUE;

  keep = g_object_ref (child);
  g_list_store_remove (children, position);
  g_list_store_insert (children, new_position, child);
  _jh_node_emit_changed (owner);

  return TRUE;
}

void
_jh_node_list_clear (GListStore *children)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (children));
  g_autoptr(GPtrArray) keep = g_ptr_array_new_full (n_items, g_object_unref);

  for (guint i = 0; i < n_items; i++)
    {
      JhNode *child = g_list_model_get_item (G_LIST_MODEL (children), i);

      set_parent (child, NULL);
      g_ptr_array_add (keep, child);
    }

  /* The children are released only once the store is empty and has told
   * its observers so: a child finalized while the store is still being
   * emptied would empty its own stores, and observers of those (a tree
   * list model) would read this store in the middle of its change.
   */
  g_list_store_remove_all (children);
}

/* Makes text fit for a plan file: valid UTF-8 without the control
 * characters XML 1.0 cannot hold (text pasted from elsewhere brings
 * them), and on one line where the file format wants a single line.
 * Cleaning here, rather than when saving, means a save never fails
 * because of what the user typed.
 */
/* Whether @text needs no cleaning: the common case, checked with one
 * pass over the bytes so that loading a large plan stays fast.
 */
static gboolean
is_clean_text (const char *text,
               gboolean    single_line)
{
  const guchar *p;

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;

  for (p = (const guchar *) text; *p != '\0'; p++)
    {
      if (*p < 0x20 && (*p != '\t' && (*p != '\n' || single_line)))
        return FALSE;

      /* U+FFFE and U+FFFF are EF BF BE and EF BF BF. */
      if (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
        return FALSE;
    }

  return TRUE;
}

/* Text read from a plan file has passed libxml2 (valid UTF-8, no
 * character XML forbids) and the schema (no line break where one line is
 * wanted): cleaning it again would only slow down opening large plans.
 * The reader marks its thread while it builds the model.
 */
static GPrivate trusted_depth;

void
_jh_trusted_text_begin (void)
{
  g_private_set (&trusted_depth, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_private_get (&trusted_depth)) + 1));
}

void
_jh_trusted_text_end (void)
{
  guint depth = GPOINTER_TO_UINT (g_private_get (&trusted_depth));

  g_assert (depth > 0);
  g_private_set (&trusted_depth, GUINT_TO_POINTER (depth - 1));
}

char *
_jh_sanitize_text (const char *text,
                   gboolean    single_line)
{
  g_autofree char *valid = NULL;
  GString *clean;

  if (text == NULL)
    return g_strdup ("");

  if (g_private_get (&trusted_depth) != NULL || is_clean_text (text, single_line))
    return g_strdup (text);

  valid = g_utf8_make_valid (text, -1);
  clean = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\r')
        {
          /* A Windows line break is one break, not two. */
          if (c == '\r' && p[1] == '\n')
            continue;
          if (single_line)
            g_string_append_c (clean, ' ');
          else if (c == '\n')
            g_string_append_c (clean, '\n');
        }
      else if ((c < 0x20 && c != '\t') || c == 0xFFFE || c == 0xFFFF)
        continue;
      else
        g_string_append_unichar (clean, c);
    }

  return g_string_free (clean, FALSE);
}

static gboolean
take_string (char **field,
             char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    {
      g_free (value);
      return FALSE;
    }

  g_free (*field);
  *field = value;

  return TRUE;
}

/* Stores @value in @field, never NULL, and says whether it changed. */
gboolean
_jh_set_string (char       **field,
                const char  *value)
{
  return take_string (field, _jh_sanitize_text (value, FALSE));
}

/* The same as _jh_set_string(), for fields that hold one line. */
gboolean
_jh_set_line (char       **field,
              const char  *value)
{
  return take_string (field, _jh_sanitize_text (value, TRUE));
}
