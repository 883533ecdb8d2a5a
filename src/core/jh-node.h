/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define JH_TYPE_NODE (jh_node_get_type ())

G_DECLARE_DERIVABLE_TYPE (JhNode, jh_node, JH, NODE, GObject)

/**
 * JhNode:
 *
 * The base of every part of a plan.  A node knows its parent, and a
 * change anywhere in a subtree (a property, or a child added, removed or
 * moved) is announced by #JhNode::changed on the node and on each of its
 * ancestors, so that a window only has to watch the plan to know it is
 * dirty.
 */
struct _JhNodeClass
{
  GObjectClass parent_class;

  /**
   * JhNodeClass::get_child_list:
   * @self: a node
   * @child_type: the type of a child
   *
   * Returns: (transfer none) (nullable): the list in which @self keeps
   *   its children of @child_type, or %NULL if it has none of that type
   */
  GListModel *(*get_child_list)   (JhNode *self,
                                   GType   child_type);

  /**
   * JhNodeClass::can_hold:
   * @self: a node
   * @child: a node without a parent, of a type @self has a list for
   *
   * Returns: whether @child may be inserted into @self; the default
   *   allows it
   */
  gboolean    (*can_hold)         (JhNode *self,
                                   JhNode *child);

  /*< private >*/
  gpointer padding[8];
};

JhNode     *jh_node_get_parent      (JhNode *self);
JhNode     *jh_node_get_root        (JhNode *self);
GListModel *jh_node_get_child_list  (JhNode *self,
                                     GType   child_type);
gboolean    jh_node_can_hold        (JhNode *self,
                                     JhNode *child);
void        jh_node_insert_child    (JhNode *self,
                                     int     position,
                                     JhNode *child);
gboolean    jh_node_remove_child    (JhNode *self,
                                     JhNode *child);
gboolean    jh_node_move_child      (JhNode *self,
                                     JhNode *child,
                                     guint   position);
guint       jh_node_get_position    (JhNode *self);

G_END_DECLS
