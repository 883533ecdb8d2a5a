/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include "jh-node-private.h"
#include "jh-numbering.h"
#include "jh-section.h"
#include "jh-task.h"

struct _JhTask
{
  JhNode        parent_instance;

  char         *lead;
  char         *owner;
  char         *participants;
  char         *timing;
  JhProvenance *provenance;

  GListStore   *paragraphs;
  GListStore   *targets;
  GListStore   *subtasks;
};

G_DEFINE_FINAL_TYPE (JhTask, jh_task, JH_TYPE_NODE)

enum {
  PROP_0,
  PROP_LEAD,
  PROP_OWNER,
  PROP_PARTICIPANTS,
  PROP_TIMING,
  PROP_PROVENANCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jh_task_dispose (GObject *object)
{
  JhTask *self = (JhTask *) object;

  _jh_node_list_clear (self->paragraphs);
  _jh_node_list_clear (self->targets);
  _jh_node_list_clear (self->subtasks);

  G_OBJECT_CLASS (jh_task_parent_class)->dispose (object);
}

static void
jh_task_finalize (GObject *object)
{
  JhTask *self = (JhTask *) object;

  g_clear_pointer (&self->lead, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->participants, g_free);
  g_clear_pointer (&self->timing, g_free);
  g_clear_pointer (&self->provenance, jh_provenance_unref);
  g_clear_object (&self->paragraphs);
  g_clear_object (&self->targets);
  g_clear_object (&self->subtasks);

  G_OBJECT_CLASS (jh_task_parent_class)->finalize (object);
}

static void
jh_task_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  JhTask *self = JH_TASK (object);

  switch (prop_id)
    {
    case PROP_LEAD:
      g_value_set_string (value, self->lead);
      break;

    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;

    case PROP_PARTICIPANTS:
      g_value_set_string (value, self->participants);
      break;

    case PROP_TIMING:
      g_value_set_string (value, self->timing);
      break;

    case PROP_PROVENANCE:
      g_value_set_boxed (value, self->provenance);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_task_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  JhTask *self = JH_TASK (object);

  switch (prop_id)
    {
    case PROP_LEAD:
      jh_task_set_lead (self, g_value_get_string (value));
      break;

    case PROP_OWNER:
      jh_task_set_owner (self, g_value_get_string (value));
      break;

    case PROP_PARTICIPANTS:
      jh_task_set_participants (self, g_value_get_string (value));
      break;

    case PROP_TIMING:
      jh_task_set_timing (self, g_value_get_string (value));
      break;

    case PROP_PROVENANCE:
      jh_task_set_provenance (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GListModel *
jh_task_get_child_list (JhNode *node,
                        GType   child_type)
{
  JhTask *self = JH_TASK (node);

  if (child_type == JH_TYPE_PARAGRAPH)
    return G_LIST_MODEL (self->paragraphs);
  if (child_type == JH_TYPE_TARGET)
    return G_LIST_MODEL (self->targets);
  if (child_type == JH_TYPE_TASK)
    return G_LIST_MODEL (self->subtasks);

  return NULL;
}

static gboolean
jh_task_node_can_hold (JhNode *node,
                       JhNode *child)
{
  return !JH_IS_TASK (child) || jh_task_can_hold (JH_TASK (node), JH_TASK (child));
}

static void
jh_task_class_init (JhTaskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  JhNodeClass *node_class = JH_NODE_CLASS (klass);

  object_class->dispose = jh_task_dispose;
  object_class->finalize = jh_task_finalize;
  object_class->get_property = jh_task_get_property;
  object_class->set_property = jh_task_set_property;

  node_class->get_child_list = jh_task_get_child_list;
  node_class->can_hold = jh_task_node_can_hold;

  /**
   * JhTask:lead:
   *
   * The lead sentence, which is the task's heading:
   * "加强理论学习，提高履职能力".
   */
  properties[PROP_LEAD] =
    g_param_spec_string ("lead", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * JhTask:owner:
   *
   * The unit in charge (牵头单位).
   */
  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PARTICIPANTS] =
    g_param_spec_string ("participants", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * JhTask:timing:
   *
   * When the task is done, in the words of the plan: "5月中旬", "每季度".
   */
  properties[PROP_TIMING] =
    g_param_spec_string ("timing", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PROVENANCE] =
    g_param_spec_boxed ("provenance", NULL, NULL,
                        JH_TYPE_PROVENANCE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jh_task_init (JhTask *self)
{
  self->lead = g_strdup ("");
  self->owner = g_strdup ("");
  self->participants = g_strdup ("");
  self->timing = g_strdup ("");
  self->paragraphs = g_list_store_new (JH_TYPE_PARAGRAPH);
  self->targets = g_list_store_new (JH_TYPE_TARGET);
  self->subtasks = g_list_store_new (JH_TYPE_TASK);
}

JhTask *
jh_task_new (const char *lead)
{
  return g_object_new (JH_TYPE_TASK,
                       "lead", lead,
                       NULL);
}

#define DEFINE_STRING_ACCESSORS(field, PROP, setter)                            \
const char *                                                            \
jh_task_get_##field (JhTask *self)                                      \
{                                                                       \
  g_return_val_if_fail (JH_IS_TASK (self), NULL);                       \
  return self->field;                                                   \
}                                                                       \
                                                                        \
void                                                                    \
jh_task_set_##field (JhTask     *self,                                  \
                     const char *value)                                 \
{                                                                       \
  g_return_if_fail (JH_IS_TASK (self));                                 \
  if (setter (&self->field, value))                                     \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);       \
}

DEFINE_STRING_ACCESSORS (lead, PROP_LEAD, _jh_set_string)
DEFINE_STRING_ACCESSORS (owner, PROP_OWNER, _jh_set_line)
DEFINE_STRING_ACCESSORS (participants, PROP_PARTICIPANTS, _jh_set_line)
DEFINE_STRING_ACCESSORS (timing, PROP_TIMING, _jh_set_line)

#undef DEFINE_STRING_ACCESSORS

/**
 * jh_task_get_provenance:
 * @self: a #JhTask
 *
 * Returns: (transfer none) (nullable): where the task was reused from
 */
JhProvenance *
jh_task_get_provenance (JhTask *self)
{
  g_return_val_if_fail (JH_IS_TASK (self), NULL);

  return self->provenance;
}

void
jh_task_set_provenance (JhTask       *self,
                        JhProvenance *provenance)
{
  g_return_if_fail (JH_IS_TASK (self));

  if (jh_provenance_equal (self->provenance, provenance))
    return;

  g_clear_pointer (&self->provenance, jh_provenance_unref);
  if (provenance != NULL)
    self->provenance = jh_provenance_ref (provenance);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROVENANCE]);
}

/**
 * jh_task_get_paragraphs:
 * @self: a #JhTask
 *
 * Returns: (transfer none): the body of the task, a list of #JhParagraph
 */
GListModel *
jh_task_get_paragraphs (JhTask *self)
{
  g_return_val_if_fail (JH_IS_TASK (self), NULL);

  return G_LIST_MODEL (self->paragraphs);
}

void
jh_task_insert_paragraph (JhTask      *self,
                          int          position,
                          JhParagraph *paragraph)
{
  g_return_if_fail (JH_IS_TASK (self));
  g_return_if_fail (JH_IS_PARAGRAPH (paragraph));
  g_return_if_fail (jh_node_get_parent (JH_NODE (paragraph)) == NULL);

  _jh_node_list_insert (JH_NODE (self), self->paragraphs, position, paragraph);
}

gboolean
jh_task_remove_paragraph (JhTask      *self,
                          JhParagraph *paragraph)
{
  g_return_val_if_fail (JH_IS_TASK (self), FALSE);
  g_return_val_if_fail (JH_IS_PARAGRAPH (paragraph), FALSE);

  return _jh_node_list_remove (JH_NODE (self), self->paragraphs, paragraph);
}

/**
 * jh_task_get_targets:
 * @self: a #JhTask
 *
 * Returns: (transfer none): the quantitative targets, a list of #JhTarget
 */
GListModel *
jh_task_get_targets (JhTask *self)
{
  g_return_val_if_fail (JH_IS_TASK (self), NULL);

  return G_LIST_MODEL (self->targets);
}

void
jh_task_insert_target (JhTask   *self,
                       int       position,
                       JhTarget *target)
{
  g_return_if_fail (JH_IS_TASK (self));
  g_return_if_fail (JH_IS_TARGET (target));
  g_return_if_fail (jh_node_get_parent (JH_NODE (target)) == NULL);

  _jh_node_list_insert (JH_NODE (self), self->targets, position, target);
}

gboolean
jh_task_remove_target (JhTask   *self,
                       JhTarget *target)
{
  g_return_val_if_fail (JH_IS_TASK (self), FALSE);
  g_return_val_if_fail (JH_IS_TARGET (target), FALSE);

  return _jh_node_list_remove (JH_NODE (self), self->targets, target);
}

/**
 * jh_task_get_subtasks:
 * @self: a #JhTask
 *
 * Returns: (transfer none): the sub-tasks, a list of #JhTask
 */
GListModel *
jh_task_get_subtasks (JhTask *self)
{
  g_return_val_if_fail (JH_IS_TASK (self), NULL);

  return G_LIST_MODEL (self->subtasks);
}

/**
 * jh_task_can_hold:
 * @self: a #JhTask
 * @subtask: a #JhTask without a parent
 *
 * Says whether @subtask, with all its own sub-tasks, fits below @self
 * without going deeper than %JH_TASK_MAX_DEPTH levels.
 *
 * Returns: %TRUE if @subtask may be inserted into @self
 */
gboolean
jh_task_can_hold (JhTask *self,
                  JhTask *subtask)
{
  g_return_val_if_fail (JH_IS_TASK (self), FALSE);
  g_return_val_if_fail (JH_IS_TASK (subtask), FALSE);

  for (JhTask *ancestor = self; ancestor != NULL; ancestor = jh_task_get_parent_task (ancestor))
    if (ancestor == subtask)
      return FALSE;

  return jh_task_get_depth (self) + jh_task_get_height (subtask) <= JH_TASK_MAX_DEPTH;
}

void
jh_task_insert_subtask (JhTask *self,
                        int     position,
                        JhTask *subtask)
{
  g_return_if_fail (JH_IS_TASK (self));
  g_return_if_fail (JH_IS_TASK (subtask));
  g_return_if_fail (jh_node_get_parent (JH_NODE (subtask)) == NULL);
  g_return_if_fail (jh_task_can_hold (self, subtask));

  _jh_node_list_insert (JH_NODE (self), self->subtasks, position, subtask);
}

gboolean
jh_task_remove_subtask (JhTask *self,
                        JhTask *subtask)
{
  g_return_val_if_fail (JH_IS_TASK (self), FALSE);
  g_return_val_if_fail (JH_IS_TASK (subtask), FALSE);

  return _jh_node_list_remove (JH_NODE (self), self->subtasks, subtask);
}

gboolean
jh_task_move_subtask (JhTask *self,
                      JhTask *subtask,
                      guint   position)
{
  g_return_val_if_fail (JH_IS_TASK (self), FALSE);
  g_return_val_if_fail (JH_IS_TASK (subtask), FALSE);

  return _jh_node_list_move (JH_NODE (self), self->subtasks, subtask, position);
}

/**
 * jh_task_get_parent_task:
 * @self: a #JhTask
 *
 * Returns: (transfer none) (nullable): the task @self is a sub-task of
 */
JhTask *
jh_task_get_parent_task (JhTask *self)
{
  JhNode *parent;

  g_return_val_if_fail (JH_IS_TASK (self), NULL);

  parent = jh_node_get_parent (JH_NODE (self));

  return JH_IS_TASK (parent) ? JH_TASK (parent) : NULL;
}

/**
 * jh_task_get_section:
 * @self: a #JhTask
 *
 * Returns: (transfer none) (nullable): the section the task belongs to
 */
JhSection *
jh_task_get_section (JhTask *self)
{
  JhNode *node;

  g_return_val_if_fail (JH_IS_TASK (self), NULL);

  for (node = JH_NODE (self); JH_IS_TASK (node); node = jh_node_get_parent (node))
    ;

  return JH_IS_SECTION (node) ? JH_SECTION (node) : NULL;
}

/**
 * jh_task_get_depth:
 * @self: a #JhTask
 *
 * Returns: 1 for a task directly in a section (or on its own), 2 for its
 *   sub-tasks, and so on
 */
guint
jh_task_get_depth (JhTask *self)
{
  guint depth = 1;

  g_return_val_if_fail (JH_IS_TASK (self), 0);

  while ((self = jh_task_get_parent_task (self)) != NULL)
    depth++;

  return depth;
}

/**
 * jh_task_get_height:
 * @self: a #JhTask
 *
 * Returns: the number of task levels from @self down to its deepest
 *   sub-task, 1 when it has none
 */
guint
jh_task_get_height (JhTask *self)
{
  guint n_items;
  guint height = 0;

  g_return_val_if_fail (JH_IS_TASK (self), 0);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->subtasks));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(JhTask) subtask = g_list_model_get_item (G_LIST_MODEL (self->subtasks), i);

      height = MAX (height, jh_task_get_height (subtask));
    }

  return height + 1;
}

/**
 * jh_task_get_position:
 * @self: a #JhTask
 *
 * Returns: the index of @self among its siblings, 0 when it has no parent
 */
guint
jh_task_get_position (JhTask *self)
{
  g_return_val_if_fail (JH_IS_TASK (self), 0);

  return jh_node_get_position (JH_NODE (self));
}

/**
 * jh_task_get_heading_level:
 * @self: a #JhTask
 *
 * The level of the task's heading in the document's numbering: below a
 * numbered section heading (一、指导思想) the tasks start at level 2
 * (（一）); in a section without a heading, at level 1 (一、).
 *
 * Returns: the heading level, 1 to %JH_TASK_MAX_DEPTH + 1
 */
guint
jh_task_get_heading_level (JhTask *self)
{
  JhSection *section;
  guint level;

  g_return_val_if_fail (JH_IS_TASK (self), 0);

  level = jh_task_get_depth (self);
  section = jh_task_get_section (self);
  if (section != NULL && jh_section_is_numbered (section))
    level++;

  return level;
}

/**
 * jh_task_dup_numbering:
 * @self: a #JhTask
 *
 * Returns: (transfer full): the task's number as printed, such as "（二）"
 */
char *
jh_task_dup_numbering (JhTask *self)
{
  g_return_val_if_fail (JH_IS_TASK (self), NULL);

  return jh_numbering_format (jh_task_get_heading_level (self),
                              jh_task_get_position (self) + 1);
}

/**
 * jh_task_dup_path:
 * @self: a #JhTask
 *
 * The position of the task in its section as 1-based numbers joined by
 * dots ("2.1" is the first sub-task of the second task), for messages
 * that point at a task.
 *
 * Returns: (transfer full): the task's path
 */
char *
jh_task_dup_path (JhTask *self)
{
  g_autoptr(GString) path = g_string_new (NULL);

  g_return_val_if_fail (JH_IS_TASK (self), NULL);

  for (JhTask *task = self; task != NULL; task = jh_task_get_parent_task (task))
    {
      char number[16];

      g_snprintf (number, sizeof number, "%u", jh_task_get_position (task) + 1);
      if (path->len > 0)
        g_string_prepend_c (path, '.');
      g_string_prepend (path, number);
    }

  return g_string_free (g_steal_pointer (&path), FALSE);
}
