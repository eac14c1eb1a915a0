-- A broadcast used to be marked finished as soon as its last occurrence started, while that run still
-- sent (or was paused). It is finished now when its last run is; broadcasts caught in between return
-- to what their runs are doing.
update broadcast
set status = case when exists (select 1 from broadcast_run run where run.broadcast_id = broadcast.id
                                                               and run.status = 'running')
                  then 'active' else 'paused' end
where status = 'finished'
  and exists (select 1 from broadcast_run run where run.broadcast_id = broadcast.id
                                                and run.status in ('running', 'paused'));
