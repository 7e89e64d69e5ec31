<#assign el=args.htmlid?html>
<div id="${el}-body" class="locker-share-module-frame">
   <h1 class="theme-color-3">${msg("locker.frame.title")?html}</h1>
   <iframe id="${el}-frame" src="${url.context}/proxy/${endpointId?url}/${path?html}" title="${msg("locker.frame.title")?html}"
           style="width: 100%; height: 80vh; border: 0;">
      <a href="${url.context}/proxy/${endpointId?url}/${path?html}">${msg("locker.frame.open")?html}</a>
   </iframe>
</div>
