<#assign el=args.htmlid?html>
<div class="dashlet locker-my-locker">
   <div class="title">${msg("header")?html}</div>
   <div class="toolbar flat-button">
      <a href="${url.context}/page/locker">${msg("link.open")?html}</a>
   </div>
   <div class="body scrollableList" style="height: 300px;">
      <iframe id="${el}-frame" src="${url.context}/proxy/${endpointId?url}/${path?html}" title="${msg("header")?html}"
              style="width: 100%; height: 100%; border: 0;"></iframe>
   </div>
</div>
