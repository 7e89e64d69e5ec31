<#include "/org/alfresco/repository/admin/admin-template.ftl" />
<#--
  Admin Console > Locker > Settings.
  Edits the nodes the locker service reads (Data Dictionary/Locker/settings/discussions and /lockers,
  see locker-settings.lib.js). The service's own admin screens are linked at the bottom.
-->
<@page title=msg("locker-settings.title") controller="/admin/locker-settings" readonly=!found>
   <div class="column-full">
      <p class="intro">${msg("locker-settings.intro")?html}</p>
<#if !found>
      <div class="message error">${msg("locker-settings.error.missing")?html}</div>
<#else>
      <@section label=msg("locker-settings.section.discussions")>
         <@checkbox name="discussionsEnabled" label=msg("locker-settings.discussionsEnabled") description=msg("locker-settings.discussionsEnabled.description") value=settings.discussionsEnabled?string />
         <@checkbox name="guardianMessagingEnabled" label=msg("locker-settings.guardianMessagingEnabled") description=msg("locker-settings.guardianMessagingEnabled.description") value=settings.guardianMessagingEnabled?string />
         <@text name="dailyWindowStart" label=msg("locker-settings.dailyWindowStart") description=msg("locker-settings.dailyWindow.description") value=settings.dailyWindowStart maxlength=5 placeholder="07:00" />
         <@text name="dailyWindowEnd" label=msg("locker-settings.dailyWindowEnd") description=msg("locker-settings.dailyWindow.description") value=settings.dailyWindowEnd maxlength=5 placeholder="20:00" />
      </@section>
      <@section label=msg("locker-settings.section.profiles")>
   <#list settings.profiles as profile>
         <@checkbox name="profile-${profile.id}" label=msg("locker-settings.profile." + profile.id) value=profile.enabled?string />
   </#list>
      </@section>
      <@section label=msg("locker-settings.section.documents")>
         <@checkbox name="guardianDocumentExchange" label=msg("locker-settings.guardianDocumentExchange") description=msg("locker-settings.guardianDocumentExchange.description") value=settings.guardianDocumentExchange?string />
         <@checkbox name="macroEnabledDocuments" label=msg("locker-settings.macroEnabledDocuments") description=msg("locker-settings.macroEnabledDocuments.description") value=settings.macroEnabledDocuments?string />
      </@section>
      <@section label=msg("locker-settings.section.service")>
         <@text name="serviceUrl" label=msg("locker-settings.serviceUrl") description=msg("locker-settings.serviceUrl.description") value=settings.serviceUrl maxlength=512 placeholder="http://locker:8080" />
   <#if settings.serviceUrl?has_content>
         <@field label=msg("locker-settings.serviceAdmin")>
            <a href="${settings.serviceUrl?html}/admin" target="_blank">${settings.serviceUrl?html}/admin</a>
         </@field>
   </#if>
      </@section>
</#if>
   </div>
</@page>
