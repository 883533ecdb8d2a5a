/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jh-checker.h"
#include "jh-library.h"

G_BEGIN_DECLS

/* What the checks found in each text of a plan, kept between checks so
 * that a check after an edit only looks again at the text that changed.
 */
typedef struct _JhCheckCache JhCheckCache;

JhCheckCache *_jh_check_cache_new       (void);
void          _jh_check_cache_free      (JhCheckCache *cache);
void          _jh_check_cache_forget    (JhCheckCache *cache,
                                         JhNode       *node);

GPtrArray    *_jh_checker_run           (JhChecker    *self,
                                         JhPlan       *plan,
                                         JhCheckCache *cache);
void          _jh_checker_test_rule     (JhRule       *rule,
                                         JhLibrary    *library,
                                         GPtrArray    *failures);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JhCheckCache, _jh_check_cache_free)

G_END_DECLS
